// zanlex's web page: renders the search, act and provision views from the JSON API.
// Text from documents and queries enters the page only through text nodes (`h` below),
// never as markup.
"use strict";

const T = {
  kk: {
    skip: "Мазмұнға өту", search: "Іздеу", otherFull: "Русский",
    placeholder: "Сөздер, \"фраза\", act:…, kind:…", kind: "Акт түрі", status: "Мәртебесі",
    issuer: "Қабылдаған орган", regNo: "Тіркеу нөмірі", actNo: "Акт нөмірі",
    any: "кез келген", dateFrom: "Акт күні, бастап", dateTo: "дейін", asOf: "Редакция күні",
    lang: "Тілі", both: "екеуі де", kk: "қазақша", ru: "орысша",
    found: (n, more) => `${grouped(n)}${more ? "+" : ""} нәтиже`, none: "Ештеңе табылмады: сөздердің аздау немесе басқа түрін, не сүзгілерді азайтып көріңіз.",
    relaxed: "Барлық сөз бір бөлікте жоқ: кейбірі бар бөліктер көрсетілді.",
    noExact: "Сұрауыңызға дәл сәйкестік жоқ; ішінара сәйкестері көрсетілді.",
    incomplete: "Іздеу уақыт шегіне жетіп тоқтады: осы уақытқа дейін табылған ең жақсы нәтижелер көрсетілді, басқалары да болуы мүмкін. Сұрауды нақтылаңыз.",
    searchedAlso: (word, also) => `«${word}» сөзі индексте жоқ; сондай-ақ ізделді: ${also.join(", ")}`,
    readAs: (rs) => `Латын әрпімен терілген сөздер оқылды: ${rs.map((r) => `${r.word} → ${r.read} (${r.lang === "ru" ? "орысша" : "қазақша"})`).join(", ")}`,
    placeNone: (p) => `«${p.words}» (${p.kk}): бұл өңірдің жергілікті актісі индексте жоқ; барлық өңірдің актілері ізделді.`,
    severalActs: (s) => `«${s.named}» бірнеше актіні бірдей атайды; әрқайсысының ${s.article}-бабы көрсетілді: ${s.acts.map((a) => `${a.name} «${a.act.title}»`).join("; ")}. Біреуін таңдау үшін атауының басқа сөздерін жазыңыз.`,
    inArticle: (words) => `Бабының басқа бөліктерінде: ${words.join("; ")}`,
    partial: "сөздердің бір бөлігі ғана", table: "Кесте",
    next: "Келесі", prev: "Алдыңғы", copy: "Сілтемені көшіру", copied: "Көшірілді",
    permalink: "Тұрақты сілтеме", inForce: "күшінде", repealed: "күшін жойған", pending: "күшіне енбеген",
    unknown: "мәртебесі белгісіз", deleted: "алынып тасталған", loading: "Жүктелуде…",
    filtersL: "Сүзгілер", act: "Акт", toc: "Мазмұны", skipToc: "Мазмұнын өткізіп, мәтінге өту", text: "Мәтіні", number: "Нөмірі", date: "Күні", registration: "Тіркелуі",
    source: "Дереккөз", official: "Ресми мәтін", kindL: "Түрі", timeline: "Редакциялар мен өзгерістер", versions: "Редакциялар",
    prevUnit: "Алдыңғы", nextUnit: "Келесі", unitNav: "Көршілес бөліктер",
    changesByAct: "Өзгерістер, өзгерткен акт бойынша", lastFrom: (d) => `соңғылары ${d} бастап`, unitsChanged: "Өзгерген бөліктер",
    filterUnit: "Бөлік:", allUnits: "барлық бөліктер",
    changes: "Өзгерістер", compare: "Салыстыру", from: "Бастап", to: "Дейін", show: "Көрсету",
    noChanges: "Бұл күндер арасында мәтін өзгермеген (немесе корпуста ол редакциялар жоқ).",
    notInLang: "Бұл тілде бұл бөлік жоқ.", children: "Ішкі бөліктер", wholeAct: "бүкіл акт",
    openAct: "Актіні ашу", edition: "Редакция", current: "қолданыстағы", effective: "Күшіне енуі",
    added: "қосылды", removed: "алынды", notesOnly: "Тек ескертпелер өзгерді", error: "Қате",
    estimated: "шамамен", refs: "Сілтемелер", noRefs: "Бұл мәтінде сілтеме жоқ.",
    citedBy: "Осы бөлікке сілтейтін ережелер",
    noCitedBy: "Корпуста бұл бөлікке сілтейтін ереже жоқ.", unresolved: "сілтеме табылмады",
    act_not_in_corpus: "сілтеме жасалған акт корпуста жоқ", unit_not_found: "актіде мұндай бөлік жоқ",
    textsLoading: "Мәтіндер жүктелуде…",
    datePh: "кк.аа.жжжж", inForceFrom: "күшінде:", noEdition: "Бұл күнге корпуста редакциясы жоқ",
    actHistory: "Актінің редакциялары мен өзгерістері", download: (d) => `${d} күнгі мәтінді жүктеп алу:`, downloadMarked: "белгіленген мәтін", downloadPlain: "қарапайым мәтін", wholeActCompare: "Бүкіл актіні салыстыру",
    notesOnlyUnits: "Тек ескертпелері өзгерген бөліктер",
    readOn: (d) => `Мәтін ${d} күнгі күйінде: әр бөлік сол күні күшінде болған редакциясында.`,
    readNow: (d) => d ? `Қолданыстағы мәтін (${d} редакциясы).` : "Қолданыстағы мәтін.",
    printedOn: (d, dated) => dated ? `${d} күнгі редакция` : `${d} күнгі қолданыстағы мәтін`,
    actSearch: "Актіден іздеу", actSearchPh: "сөздер", actHits: (n) => `Актіде ${n} нәтиже`,
    goTo: "Бапқа өту", go: "Өту", goToPh: "7, 7-1, 7-бап", noArticle: "Мұндай бап табылмады.",
    expand: "Ішкі бөліктерін көрсету", collapse: "Ішкі бөліктерін жасыру",
    menu: "Негізгі мәзір", pages: "Нәтижелер беттері", results: "Нәтижелер", ms: "мс",
    searchTitle: "Қазақстанның құқықтық актілерінен іздеу",
    recent: "Соңғы өзгерістер", recentTitle: "Актілердегі соңғы өзгерістер",
    recentOfAct: "Акт өзгерістері", recentOfSearch: (q) => `«${q}» сұрауы бойынша актілердің өзгерістері`,
    recentAbout: "Өзгерткен әр акт пен өзгерген әр акт бойынша, күшіне енген күні бойынша, ең жаңасы басында.",
    recentCount: (n, acts) => `Өзгерістер: ${grouped(n)} · қаралған актілер: ${grouped(acts)}`, recentNone: "Бұл күндерде өзгеріс жоқ.",
    recentQuery: "Актілер (іздеу сөздері)", since: "Күшіне енуі, бастап", until: "дейін",
    feed: "Өзгерістер арнасы", feedOf: "Өзгерістерді жаңалықтар арнасы арқылы бақылау", amendingActL: "Өзгерткен акт",
    followAct: "Осы актінің өзгерістері",
    related: "Байланысты құжаттар", relatedNone: "Корпус бұл актімен байланысты құжатты білмейді.",
    relReplaces: "Бұрынғы акт (осы акт оның орнына қабылданған)", relReplacedBy: "Кейінгі акт (осы актінің орнына қабылданған)",
    relAmends: "Осы акт өзгерткен актілер", relAmendedBy: "Осы актіні өзгерткен актілер",
    relCites: "Осы акт сілтейтін актілер", relCitedBy: "Осы актіге сілтейтін актілер",
    relRefs: (n) => `${grouped(n)} сілтеме`, relEvents: (n) => `${grouped(n)} өзгеріс`,
    notInCorpus: "корпуста жоқ", relQuoted: "мәтіннен дәйексөз", relMore: "Тағы көрсету",
    notFoundPage: "Бет табылмады", notFoundText: "Бұл мекенжайда бет жоқ. Іздеуден бастаңыз:",
    shortened: (n, w) => `Сұраныс тым ұзын (ең көбі ${n} таңба, ${w} сөз): тек басы ізделді.`,
    errNoAct: "мұндай акт корпуста жоқ.", errNoUnit: "актіде мұндай бөлік жоқ.",
    errNotFound: "сұралған акт немесе бөлік корпуста жоқ.",
    errBadQuery: "сұранысты оқу мүмкін болмады: тырнақшалар мен жақшаларды жабыңыз, кемінде бір сөз жазыңыз.",
    errBadRequest: "мәні дұрыс емес: күндерді кк.аа.жжжж түрінде жазыңыз.",
    errTooLong: "сұраныс тым ұзын: қысқартыңыз.", errOffset: "бұдан әрі бет жоқ: сұранысты нақтылаңыз.",
    errBusy: "сервер қазір бос емес: біраздан кейін қайталап көріңіз.",
    errServer: "сервер сұранысқа жауап бере алмады.", errNetwork: "серверге қосылу мүмкін болмады.",
    faults: {
      unclosed_quote: (f) => `${f.at}-таңбадағы тырнақша жабылмаған: жабатын тырнақша қойыңыз немесе оны алып тастаңыз.`,
      unclosed_paren: () => "«(» жақшасы жабылмаған: «)» қойыңыз немесе оны алып тастаңыз.",
      unmatched_paren: () => "«)» жақшасына сәйкес «(» жоқ: оны алып тастаңыз.",
      empty_phrase: () => "тырнақша ішінде сөз жоқ: сөздерді тырнақша ішіне жазыңыз.",
      empty_parens: () => "жақша ішінде ештеңе жоқ: сөз жазыңыз немесе жақшаны алып тастаңыз.",
      lone_operator: () => "AND, OR, NOT, + не - белгісінің қасында сөз жоқ: сөз жазыңыз немесе белгіні алып тастаңыз.",
      no_words: () => "іздейтін сөз жоқ: кемінде бір сөз жазыңыз.",
      bad_filter: () => "сүзгінің мәні дұрыс емес (мысалы, kind: не date:): мәнін тексеріңіз.",
      too_deep: () => "жақшалар тым терең: сұранысты жеңілдетіңіз.",
      too_many_words: (f) => `сөздер мен сүзгілер тым көп (ең көбі ${f.limit}): сұранысты қысқартыңыз.`,
    },
    actions: { new_wording: "жаңа редакцияда", inserted: "толықтырылды", deleted: "алып тасталды",
      changed: "өзгерістер енгізілді", repealed: "күші жойылды", renamed: "тақырыбы жаңа редакцияда",
      prospective: "күтілетін өзгеріс" },
    diffKinds: { changed: "мәтіні өзгерді", deleted: "алып тасталды", inserted: "енгізілді",
      unknown: "бір күнгі редакциясы корпуста жоқ", notes_only: "ескертпелері өзгерді" },
    repealedBy: "Күшін жойған акт", amendedBy: "Өзгерткен акт", lapsedUnder: "Негізі",
    lapsedBy: "Мерзімін белгілеген акт", givenIn: "Редакцияның негізі",
    readFrom: { kk: "қазақ тіліндегі мәтіннен оқылды", ru: "орыс тіліндегі мәтіннен оқылды" },
    expired: "қолданылмайды", suspended: "қолданылуы тоқтатыла тұрған",
    toComeEdition: "Қолданысқа енгізілетін редакция",
    toComeText: (d) => `${d} бастап қолданысқа енгізілетін мәтін, әлі қолданыста емес:`,
    lastText: (d) => d ? `Соңғы редакциясының мәтіні (${d} редакциясы): қолданыста емес.` : "Соңғы редакциясының мәтіні: қолданыста емес.",
    printedText: (d) => `${d} күнгі мәтін`,
    sideWords: (d, eds) => `${d}${eds.length ? ` (${eds.join(", ")} редакциясы)` : " (корпуста редакциясы жоқ)"}`,
    oldWording: "Бұрынғы редакция", newWording: "Жаңа редакция", noWording: "Бұл күнгі редакциясы корпуста жоқ.",
    units: { art: (n) => `${n}-бап`, para: (n) => `${n}-тармақ`, subpara: (n) => `${n}) тармақша`,
      chp: (n) => `${n}-тарау`, sec: (n) => `${n}-бөлім`, att: (n) => `${n}-қосымша`, annex: (n) => `${n}-қосымша` },
  },
  ru: {
    skip: "Перейти к содержанию", search: "Поиск", otherFull: "Қазақша",
    placeholder: "Слова, \"фраза\", act:…, kind:…", kind: "Вид акта", status: "Статус",
    issuer: "Принявший орган", regNo: "Номер регистрации", actNo: "Номер акта",
    any: "любой", dateFrom: "Дата акта, с", dateTo: "по", asOf: "Редакция на дату",
    lang: "Язык", both: "оба", kk: "казахский", ru: "русский",
    found: (n, more) => `Найдено: ${grouped(n)}${more ? "+" : ""}`, none: "Ничего не найдено: попробуйте меньше слов, другую форму слова или меньше фильтров.",
    relaxed: "Ни в одной единице нет всех слов: показаны единицы с частью слов.",
    noExact: "По вашему запросу точных совпадений нет; показаны частичные.",
    incomplete: "Поиск остановлен по пределу времени: показаны лучшие результаты, найденные к этому моменту, могут быть и другие. Уточните запрос.",
    searchedAlso: (word, also) => `Слова «${word}» нет в индексе; искали также: ${also.join(", ")}`,
    readAs: (rs) => `Слова, набранные латиницей, прочитаны: ${rs.map((r) => `${r.word} → ${r.read} (${r.lang === "ru" ? "по-русски" : "по-казахски"})`).join(", ")}`,
    placeNone: (p) => `«${p.words}»: в индексе нет местных актов ${p.ru}; искали по всем местам.`,
    severalActs: (s) => `«${s.named}» одинаково называет несколько актов; показана статья ${s.article} каждого: ${s.acts.map((a) => `${a.name} «${a.act.title}»`).join("; ")}. Чтобы выбрать один, добавьте другие слова его названия.`,
    inArticle: (words) => `В других частях статьи: ${words.join("; ")}`,
    partial: "совпала часть слов", table: "Таблица",
    next: "Дальше", prev: "Назад", copy: "Копировать ссылку", copied: "Скопировано",
    permalink: "Постоянная ссылка", inForce: "действует", repealed: "утратил силу", pending: "не вступил в силу",
    unknown: "статус неизвестен", deleted: "исключён", loading: "Загрузка…",
    filtersL: "Фильтры", act: "Акт", toc: "Содержание", skipToc: "Пропустить содержание и перейти к тексту", text: "Текст", number: "Номер", date: "Дата", registration: "Регистрация",
    source: "Источник", official: "Официальный текст", kindL: "Вид", timeline: "Редакции и изменения", versions: "Редакции",
    prevUnit: "Предыдущая", nextUnit: "Следующая", unitNav: "Соседние структурные единицы",
    changesByAct: "Изменения по изменяющим актам", lastFrom: (d) => `последние — с ${d}`, unitsChanged: "Изменены",
    filterUnit: "Структурная единица:", allUnits: "все единицы",
    changes: "Изменения", compare: "Сравнить", from: "С", to: "По", show: "Показать",
    noChanges: "Между этими датами текст не менялся (или этих редакций нет в корпусе).",
    notInLang: "На этом языке этой единицы нет.", children: "Вложенные единицы", wholeAct: "весь акт",
    openAct: "Открыть акт", edition: "Редакция", current: "действующая", effective: "Вступает в силу",
    added: "добавлено", removed: "удалено", notesOnly: "Изменились только примечания", error: "Ошибка",
    estimated: "примерно", refs: "Ссылки", noRefs: "В этом тексте ссылок нет.",
    citedBy: "Ссылаются на эту единицу",
    noCitedBy: "В корпусе нет положений, ссылающихся на эту единицу.", unresolved: "ссылка не найдена",
    act_not_in_corpus: "акта, на который ссылаются, нет в корпусе", unit_not_found: "в акте нет такой единицы",
    textsLoading: "Тексты загружаются…",
    datePh: "дд.мм.гггг", inForceFrom: "в силе:", noEdition: "Редакции на эту дату в корпусе нет",
    actHistory: "Редакции и изменения акта", download: (d) => `Скачать текст на ${d}:`, downloadMarked: "с разметкой", downloadPlain: "простым текстом", wholeActCompare: "Сравнить весь акт",
    notesOnlyUnits: "Единицы, у которых изменились только примечания",
    readOn: (d) => `Текст на ${d}: каждая единица в редакции, действовавшей в этот день.`,
    readNow: (d) => d ? `Действующий текст (редакция ${d}).` : "Действующий текст.",
    printedOn: (d, dated) => dated ? `редакция на ${d}` : `действующий текст на ${d}`,
    actSearch: "Поиск в акте", actSearchPh: "слова", actHits: (n) => `В акте найдено: ${n}`,
    goTo: "Перейти к статье", go: "Перейти", goToPh: "7, 7-1, ст. 7", noArticle: "Такой статьи нет.",
    expand: "Показать вложенные единицы", collapse: "Скрыть вложенные единицы",
    menu: "Основное меню", pages: "Страницы результатов", results: "Результаты", ms: "мс",
    searchTitle: "Поиск по правовым актам Казахстана",
    recent: "Последние изменения", recentTitle: "Последние изменения актов",
    recentOfAct: "Изменения акта", recentOfSearch: (q) => `Изменения актов по запросу «${q}»`,
    recentAbout: "По каждому изменяющему и изменённому акту, по дню вступления в силу, новые сверху.",
    recentCount: (n, acts) => `Изменений: ${grouped(n)} · просмотрено актов: ${grouped(acts)}`, recentNone: "В эти дни изменений нет.",
    recentQuery: "Акты (слова поиска)", since: "Вступление в силу, с", until: "по",
    feed: "Лента изменений", feedOf: "Следить за изменениями через ленту новостей", amendingActL: "Изменяющий акт",
    followAct: "Изменения этого акта",
    related: "Связанные документы", relatedNone: "Корпус не знает документов, связанных с этим актом.",
    relReplaces: "Предшествующий акт (этот акт принят взамен него)", relReplacedBy: "Последующий акт (принят взамен этого акта)",
    relAmends: "Акты, изменённые этим актом", relAmendedBy: "Акты, изменившие этот акт",
    relCites: "Акты, на которые ссылается этот акт", relCitedBy: "Акты, ссылающиеся на этот акт",
    relRefs: (n) => `ссылок: ${grouped(n)}`, relEvents: (n) => `изменений: ${grouped(n)}`,
    notInCorpus: "нет в корпусе", relQuoted: "цитата из текста", relMore: "Показать ещё",
    notFoundPage: "Страница не найдена", notFoundText: "По этому адресу страницы нет. Начните с поиска:",
    shortened: (n, w) => `Запрос слишком длинный (не больше ${n} символов и ${w} слов): искали только его начало.`,
    errNoAct: "такого акта в корпусе нет.", errNoUnit: "в акте нет такой единицы.",
    errNotFound: "запрошенного акта или единицы в корпусе нет.",
    errBadQuery: "запрос не удалось разобрать: закройте кавычки и скобки, напишите хотя бы одно слово.",
    errBadRequest: "неверное значение: даты пишите как дд.мм.гггг.",
    errTooLong: "запрос слишком длинный: сократите его.", errOffset: "дальше страниц нет: уточните запрос.",
    errBusy: "сервер сейчас занят: повторите чуть позже.",
    errServer: "сервер не смог ответить на запрос.", errNetwork: "не удалось связаться с сервером.",
    faults: {
      unclosed_quote: (f) => `кавычка в ${f.at}-м символе не закрыта: поставьте закрывающую кавычку или уберите её.`,
      unclosed_paren: () => "скобка «(» не закрыта: добавьте «)» или уберите её.",
      unmatched_paren: () => "у скобки «)» нет открывающей «(»: уберите её.",
      empty_phrase: () => "в кавычках нет слов: напишите слова между кавычками.",
      empty_parens: () => "в скобках ничего нет: напишите слова или уберите скобки.",
      lone_operator: () => "у знака AND, OR, NOT, + или - нет слова рядом: допишите слово или уберите знак.",
      no_words: () => "искать нечего: напишите хотя бы одно слово.",
      bad_filter: () => "неверное значение фильтра (например, kind: или date:): проверьте его.",
      too_deep: () => "слишком глубокая вложенность скобок: упростите запрос.",
      too_many_words: (f) => `слишком много слов и фильтров (не больше ${f.limit}): сократите запрос.`,
    },
    actions: { new_wording: "в новой редакции", inserted: "дополнено", deleted: "исключено",
      changed: "внесены изменения", repealed: "утратило силу", renamed: "заголовок в новой редакции",
      prospective: "ожидаемое изменение" },
    diffKinds: { changed: "текст изменён", deleted: "исключено", inserted: "добавлено",
      unknown: "редакции на одну из дат нет в корпусе", notes_only: "изменились примечания" },
    repealedBy: "Утратил силу в связи с актом", amendedBy: "Изменён актом", lapsedUnder: "Основание",
    lapsedBy: "Срок действия установлен актом", givenIn: "Основание редакции",
    readFrom: { kk: "прочитано из текста на казахском языке", ru: "прочитано из текста на русском языке" },
    expired: "не действует", suspended: "действие приостановлено",
    toComeEdition: "Редакция, вводимая в действие",
    toComeText: (d) => `Текст, вводимый в действие с ${d}, ещё не действует:`,
    lastText: (d) => d ? `Текст последней редакции (редакция ${d}): не действует.` : "Текст последней редакции: не действует.",
    printedText: (d) => `текст на ${d}`,
    sideWords: (d, eds) => `${d}${eds.length ? ` (редакция ${eds.join(", ")})` : " (редакции нет в корпусе)"}`,
    oldWording: "Прежняя редакция", newWording: "Новая редакция", noWording: "Редакции на эту дату нет в корпусе.",
    units: { art: (n) => `ст. ${n}`, para: (n) => `п. ${n}`, subpara: (n) => `пп. ${n})`,
      chp: (n) => `гл. ${n}`, sec: (n) => `разд. ${n}`, att: (n) => `прил. ${n}`, annex: (n) => `прил. ${n}` },
  },
};

// Act kinds as `kind:` names them, with their names in each language.
const KINDS = {
  law: ["заң", "закон"], constitutional_law: ["конституциялық заң", "конституционный закон"],
  code: ["кодекс", "кодекс"], resolution: ["қаулы", "постановление"], order: ["бұйрық", "приказ"],
  joint_order: ["бірлескен бұйрық", "совместный приказ"], decision: ["шешім", "решение"],
  regulation: ["ереже", "положение"], rules: ["қағидалар", "правила"],
  faq: ["сұрақ-жауап", "вопросы и ответы"], other: ["басқа", "другое"],
};
const kindName = (k) => (KINDS[k] ? KINDS[k][ui === "kk" ? 0 : 1] : k);
const STATUSES = ["in_force", "repealed", "unknown"];

let ui = localStorage.getItem("zanlex-ui") === "ru" ? "ru" : "kk";
const t = (k) => T[ui][k];

// An element with attributes and children; strings become text nodes, so nothing a
// document or a query holds is ever parsed as markup.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const main = () => document.getElementById("main");
function setMain(...nodes) {
  tablesShown = 0;
  main().replaceChildren(...nodes.filter(Boolean));
}
// How many tables the view shows so far: each table's box is a region named by its number,
// so that an act with several tables has landmarks one can tell apart.
let tablesShown = 0;
// A whole view that is an error: a heading for it, then what went wrong.
function errorPage(e, notFound) {
  return [h("h1", { class: "visually-hidden" }, t("error")), errorBox(e, notFound)];
}
function say(text) {
  // The live region has an id of its own: the search form's status filter is `status`.
  document.getElementById("live").textContent = text;
}

// Paths built from ids: every piece encoded.
const actPath = (id) => `/acts/${encodeURIComponent(id)}`;
const unitPath = (id, eid) => `${actPath(id)}/${encodeURIComponent(eid)}`;
function withParams(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

// A count with its thousands grouped as Kazakh and Russian write them (10 000), with a
// no-break space so that the number never wraps.
function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

async function api(path, params) {
  let res;
  try {
    res = await fetch(withParams(path, params || {}), { headers: { Accept: "application/json" } });
  } catch (_) {
    const e = new Error("network");
    e.code = "network";
    throw e;
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = new Error((body.error && body.error.message) || `HTTP ${res.status}`);
    e.status = res.status;
    e.code = (body.error && body.error.code) || (res.status >= 500 ? "internal" : "bad_request");
    // What the server found wrong with a query, by kind: the page words it.
    e.fault = body.error && body.error.fault;
    throw e;
  }
  return body;
}

// A text answer with the search's words marked by the server (`q`: the same words, forms
// and spellings a hit's snippet marks); without the marks when the words cannot be read.
async function apiMarked(path, params, q) {
  if (!q) return api(path, params);
  try {
    return await api(path, { ...params, q });
  } catch (e) {
    if (e.code === "bad_query" || e.code === "query_too_long") return api(path, params);
    throw e;
  }
}

// The API's messages are for developers, in English and naming its paths: the page says
// what went wrong in the interface language, by the error's code. `notFound` names what
// was missing where the view knows it.
function errorWords(e, notFound) {
  switch (e.code) {
    case "not_found": return t(notFound || "errNotFound");
    case "bad_query": return faultWords(e.fault) || t("errBadQuery");
    case "query_too_long": return t("errTooLong");
    case "offset_out_of_range": case "limit_out_of_range": return t("errOffset");
    case "busy": case "timeout": case "index_busy": case "shutting_down": return t("errBusy");
    case "network": return t("errNetwork");
    case "bad_request": return t("errBadRequest");
    default: return t("errServer");
  }
}

// What the server found wrong with a query (`{"kind": "unclosed_quote", "at": 1}`), in the
// interface's words; `null` for a kind the page has no words for.
function faultWords(f) {
  const say = f && T[ui].faults[f.kind];
  return say ? say(f) : null;
}

function errorBox(e, notFound) {
  // The API's error code, as it gave it: the page names the same error the API does.
  return h("p", { class: "error", role: "alert", tabindex: -1, "data-code": e.code || "" }, `${t("error")}: ${errorWords(e, notFound)}`);
}

// The snippet's highlights are byte ranges into its UTF-8 text.
function marked(snippet) {
  const bytes = new TextEncoder().encode(snippet.text);
  const dec = new TextDecoder();
  const out = [];
  let last = 0;
  for (const [s, e] of snippet.highlights || []) {
    if (s < last || e > bytes.length) continue;
    out.push(dec.decode(bytes.slice(last, s)));
    out.push(h("mark", {}, dec.decode(bytes.slice(s, e))));
    last = e;
  }
  out.push(dec.decode(bytes.slice(last)));
  return out;
}

// Bytes `from..to` of a text (its UTF-8 `bytes`) with the marks that fall in them.
function markedBytes(bytes, highlights, from, to) {
  const dec = new TextDecoder();
  const out = [];
  let last = from;
  for (const [s0, e0] of highlights || []) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s || s < last) continue;
    out.push(dec.decode(bytes.slice(last, s)));
    out.push(h("mark", {}, dec.decode(bytes.slice(s, e))));
    last = e;
  }
  out.push(dec.decode(bytes.slice(last, to)));
  return out;
}

// A table of the text (an appendix's form or register) as a table: its header rows in a
// `thead` of column headers, every cell's spans kept, each cell's text a text node. It
// scrolls sideways within its own box, so a wide table never widens a phone's page.
function tableEl(rows) {
  const isHead = (r) => r.length && r.every((c) => c.header);
  let k = 0;
  while (k < rows.length && isHead(rows[k])) k++;
  const headRows = rows.slice(0, k);
  const row = (r, head) => h("tr", {}, r.map((c) => h(head ? "th" : "td", {
    colspan: c.colspan > 1 ? c.colspan : null, rowspan: c.rowspan > 1 ? c.rowspan : null,
    scope: head ? (c.colspan > 1 ? "colgroup" : "col") : null }, c.text)));
  tablesShown += 1;
  return h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": `${t("table")} ${tablesShown}` },
    h("table", {},
      headRows.length ? h("thead", {}, headRows.map((r) => row(r, true))) : null,
      h("tbody", {}, rows.slice(headRows.length).map((r) => row(r, false)))));
}

// Bytes `from..to` of a text with its marks, the words the library found citing a unit of
// the corpus (`links`: byte ranges with their target) made links to it, each naming the unit
// it leads to on hover and, for the keyboard, on focus. `href` gives a target's address.
function linkedBytes(bytes, highlights, links, href, from, to) {
  const out = [];
  let last = from;
  for (const l of (links || []).filter((x) => x.start >= from && x.end <= to && x.start < x.end)) {
    if (l.start < last) continue;
    if (l.start > last) out.push(...markedBytes(bytes, highlights, last, l.start));
    out.push(h("a", { href: href(l.target), class: "text-ref", title: l.target.citation,
      "data-cite": l.target.citation, "data-act": l.target.act, "data-eid": l.target.eid },
    ...markedBytes(bytes, highlights, l.start, l.end)));
    last = l.end;
  }
  if (to > last) out.push(...markedBytes(bytes, highlights, last, to));
  return out;
}

// Bytes `from..to` of a unit's text with its marks and links (`linked`: `{ links, href }`),
// its tables inside that range shown as tables (the lines their cells were printed as left
// out).
function richText(text, highlights, tables, from, to, linked) {
  const bytes = new TextEncoder().encode(text || "");
  const end = to === undefined ? bytes.length : Math.min(to, bytes.length);
  const out = [];
  let at = Math.min(from || 0, end);
  const nl = 10;
  const piece = (a, b) => (linked ? linkedBytes(bytes, highlights, linked.links, linked.href, a, b) : markedBytes(bytes, highlights, a, b));
  for (const tb of (tables || []).filter((x) => x.start >= at && x.end <= end && x.start < x.end).sort((a, b) => a.start - b.start)) {
    if (tb.start < at) continue;
    // The newlines around a table are its box's edges.
    let stop = tb.start;
    while (stop > at && bytes[stop - 1] === nl) stop--;
    if (stop > at) out.push(...piece(at, stop));
    out.push(tableEl(tb.rows));
    at = tb.end;
    while (at < end && bytes[at] === nl) at++;
  }
  if (at < end) out.push(...piece(at, end));
  return out;
}

// A unit's eid in the interface's words (`art_12__para_3` → `12-бап 3-тармақ`), for the
// places the answer gives no label; a part of no known kind stays as written.
function eidWords(eid) {
  if (!eid) return t("wholeAct");
  return eid.split("__").map((part) => {
    const m = /^([a-z]+)_(.+)$/.exec(part);
    const f = m && T[ui].units[m[1]];
    return f ? f(m[2]) : part;
  }).join(" ");
}

// An edition's id: its date as Kazakhstan writes it, or the current one named.
const editionId = (id) => (id === "current" ? t("current") : dmy(id));

// A date as Kazakhstan writes it: `2023-04-29` → `29.04.2023`.
const dmy = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso || "") ? iso.split("-").reverse().join(".") : iso || "…");
// The same, empty for no date.
const dmyOr = (iso, none) => (iso ? dmy(iso) : none);

// An edition as an answer names it: `Редакция 19.04.2023 · 29.04.2023 – …`, `~` where a
// date rests on an assumption.
function editionWords(e) {
  const id = editionId(e.id);
  const from = e.from ? `${e.from_estimated ? "~" : ""}${dmy(e.from)}` : "…";
  return `${t("edition")} ${id}${e.date_estimated ? ` (${t("estimated")})` : ""} · ${t("inForceFrom")} ${from} – ${e.to ? dmy(e.to) : "…"}`;
}

// A status as the model writes it: `{"state": "in_force"}`, or already its name.
const stateOf = (s) => (typeof s === "string" ? s : (s && s.state) || "live");

// A unit's state on the date that is not in force, as the badge names it.
const STATE_BADGES = { expired: "expired", suspended: "suspended", repealed: "repealed",
  deleted: "deleted", source_removed: "repealed", pending: "pending", not_yet_inserted: "pending",
  not_yet_adopted: "pending", not_yet_in_force: "pending", awaiting_other_act: "pending" };

// The badge of an act's and its unit's status; a unit's `state` on the date (a search hit's,
// a column's) that is not in force outweighs both: a provision expired, suspended or not yet
// in force is never badged in force because its act is.
function badge(actStatus, unitStatus, state) {
  let key = { in_force: "inForce", repealed: "repealed" }[actStatus] || "unknown";
  if (unitStatus === "pending") key = "pending";
  if (unitStatus === "deleted") key = "deleted";
  if (state && STATE_BADGES[state.kind]) key = STATE_BADGES[state.kind];
  return h("span", { class: `badge badge-${key}` }, t(key));
}

// The states a reader must see before the text, as one banner at the top of the page: every
// state but the text in force and the notes on where the corpus lacks a wording (those stay
// with the unit they concern), so a state the library adds shows here too.
const QUIET_STATES = new Set(["in_force", "in_force_before_earliest_edition", "not_in_corpus",
  "changed_after_latest_edition", "pending", "not_yet_inserted"]);
const loud = (state) => !!state && !QUIET_STATES.has(state.kind);

// The banner for `state` (its words `text`, in the text's language `lang`), naming the act
// that repealed the act or ended the provision (`by`, an ActLink: linked when the corpus holds
// it). Shown on screen and in print. Only a repeal or an expiry names that act: a suspension's
// words name the suspending act themselves, a day another act sets names that act in its
// words, and the act that repealed an act later is no cause of its not being in force yet.
function statusBanner(state, text, lang, by) {
  if (!loud(state)) return null;
  const label = { repealed: "repealedBy", expired: "lapsedBy" }[state.kind];
  const link = label && by && by.requisite
    ? [h("br"), `${t(label)}: `,
      // The repealing act as the requisite prints it, in its own words.
      by.id ? h("a", { href: actPath(by.id), id: "banner-act", class: "amending-act" }, by.requisite)
        : h("span", { id: "banner-act", class: "amending-act" }, by.requisite)]
    : null;
  return h("div", { class: `banner banner-${state.kind}`, id: "status-banner", role: "note" },
    h("strong", { class: "state", lang }, text), link);
}

// Which language's text the state was read from, when it was the other text's (`read_from`):
// the twins share one reading, and the reader of this column is told it is not its own words.
function readFromWords(lang) {
  return lang ? [" · ", h("span", { class: "read-from", lang: ui }, t("readFrom")[lang])] : [];
}

// The provision of the same act an expired unit applied under (`state.under`), linked: what
// the state's words name, one step away.
function underLink(state, id, asOf) {
  return state && state.kind === "expired" && state.under
    ? [" · ", h("a", { href: withParams(unitPath(id, state.under), { as_of: asOf }), class: "lapsed-under" },
      `${t("lapsedUnder")}: ${eidWords(state.under)}`)]
    : [];
}

// The act the words of a unit's expiry name (`by`, the unit's `state_by`): linked when the
// corpus holds it, else its citation as the words give it.
function lapsedByLink(state, by) {
  if (!state || state.kind !== "expired" || !by || !by.requisite) return [];
  const attrs = { class: "lapsed-by" };
  return [" · ", `${t("lapsedBy")}: `, by.id ? h("a", { ...attrs, href: actPath(by.id) }, by.requisite)
    : h("span", attrs, by.requisite)];
}

// The provision of the act that gives a wording for a period (`given`, an edition's
// `given_in`), cited as the text in `lang` cites it, linked to its page on the same date.
function givenInLink(given, id, lang, asOf) {
  return given ? [" · ", `${t("givenIn")}: `, h("a", { href: withParams(unitPath(id, given.eid), { as_of: asOf }),
    class: "given-in", lang }, given.citation)] : [];
}

// The wording a unit not yet in force takes on its day (`toCome`, a unit's `to_come`), below
// its state and marked with that day: never read as the text in force.
function toComeText(toCome) {
  const e = toCome.edition;
  const day = e.from ? `${e.from_estimated ? "~" : ""}${dmy(e.from)}` : "…";
  return h("div", { class: "to-come" }, h("p", { class: "to-come-label" }, t("toComeText")(day)),
    h("div", { class: "text" }, richText(toCome.text, [], toCome.tables, 0)));
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (_) {
    const ta = h("textarea", { class: "offscreen", readonly: true });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  const st = document.getElementById("live");
  st.dataset.copied = text;
  const said = `${t("copied")}: ${text}`;
  say(said);
  // The confirmation has done its work once read; left, it would cover the page's corner.
  setTimeout(() => { if (st.textContent === said) say(""); }, 4000);
}

// What "copy citation" copies: the official citation, the date of the wording in the text's
// language, and the permalink that opens that very wording (`?as_of=`; today's date when the
// page shows today's text, so the link keeps showing what was cited).
function citedText(citation, lang, id, eid, asOf) {
  const date = asOf || new Date().toISOString().slice(0, 10);
  const when = lang === "ru" ? `редакция на ${dmy(date)}` : `${dmy(date)} күнгі редакция`;
  const link = `${location.origin}${withParams(unitPath(id, eid), { as_of: date })}`;
  return `${citation} (${when}) — ${link}`;
}

function copyButton(citation) {
  return h("button", { type: "button", class: "copy", onclick: () => copyText(citation) }, t("copy"));
}

function select(id, label, options, value) {
  return h("label", { for: id }, label,
    h("select", { id, name: id },
      h("option", { value: "" }, t("any")),
      options.map(([v, text]) => h("option", { value: v, selected: v === value }, text))));
}

// A date field as Kazakhstan writes dates (`24.11.2026`), whatever the browser's locale; an
// ISO date is taken too. The address keeps the ISO form (see `isoDate`).
function dateInput(id, label, value) {
  return h("label", { for: id }, label, h("input", { id, name: id, type: "text", class: "date",
    inputmode: "numeric", autocomplete: "off", maxlength: 10, placeholder: t("datePh"),
    pattern: "\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2}", title: t("datePh"),
    value: dmyOr(value, "") }));
}

// `24.11.2026` (or `2026-11-24`) → `2026-11-24`; anything else as typed, for the API to name.
function isoDate(v) {
  const s = (v || "").trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : s;
}
const DATE_FIELDS = ["date_from", "date_to", "as_of"];

// ---- search ----

// A text field of the search form: one of the act's requisites.
function textInput(id, label, value, example) {
  return h("label", { for: id }, label, h("input", { id, name: id, type: "text", class: "requisite",
    autocomplete: "off", maxlength: 60, placeholder: example, value: value || "" }));
}

// The issuers a search can be narrowed to, with their names in both languages, asked once.
let issuerList = null;
async function issuers() {
  if (!issuerList) issuerList = api("/v1/issuers").catch(() => { issuerList = null; return []; });
  return issuerList;
}

// The issuer list, its names in the interface's language; an issuer the address names that
// is not in the list (a name typed into the address) is kept as typed, for the server to
// read or to say what is close to it.
function issuerSelect(list, value) {
  const options = list.map((i) => [i.code, i[ui] || i.code]);
  if (value && !options.some(([c]) => c === value)) options.push([value, value]);
  return select("issuer", t("issuer"), options, value);
}

function searchForm(p, list) {
  const form = h("form", { class: "search", role: "search", onsubmit: (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const params = {};
    for (const [k, v] of f.entries()) if (v) params[k] = DATE_FIELDS.includes(k) ? isoDate(v) : v;
    history.pushState(null, "", withParams("/", params));
    focusResults = true;
    route();
  } },
  h("div", { class: "qline" },
    h("input", { id: "q", name: "q", type: "search", value: p.q || "", placeholder: t("placeholder"),
      "aria-label": t("search"), autocomplete: "off" }),
    h("button", { type: "submit", id: "go" }, t("search"))),
  // On a phone the filters fold into one line, so that the first result shows without
  // scrolling; the line says how many are set.
  filtersBox(p, h("div", { class: "filters" },
    select("kind", t("kind"), Object.keys(KINDS).map((k) => [k, kindName(k)]), p.kind),
    select("status", t("status"), STATUSES.map((s) => [s, t({ in_force: "inForce", repealed: "repealed", unknown: "unknown" }[s])]), p.status),
    issuerSelect(list || [], p.issuer),
    textInput("registration", t("regNo"), p.registration, "16354"),
    textInput("number", t("actNo"), p.number, "11-1-4/1"),
    dateInput("date_from", t("dateFrom"), p.date_from),
    dateInput("date_to", t("dateTo"), p.date_to),
    dateInput("as_of", t("asOf"), p.as_of),
    select("lang", t("lang"), [["kk", t("kk")], ["ru", t("ru")]], p.lang))));
  return form;
}

const FILTER_FIELDS = ["kind", "status", "issuer", "registration", "number", "date_from", "date_to", "as_of", "lang"];
// The filters that are the act's requisites: with one of them, no words are needed.
const REQUISITES = ["issuer", "registration", "number", "date_from", "date_to"];
function filtersBox(p, filters) {
  const phone = window.matchMedia("(max-width: 48rem)").matches;
  const set = FILTER_FIELDS.filter((k) => p[k]).length;
  return h("details", { class: "filters-box", id: "filters-box", open: phone ? null : "" },
    h("summary", {}, set ? `${t("filtersL")} (${set})` : t("filtersL")), filters);
}

// The longest query the server takes: in characters, and in words and filters.
const MAX_QUERY = 1000;
const MAX_WORDS = 64;

// A query the server would refuse as too long (a pasted paragraph, say), cut to fit with
// its date filter: to `room` characters, at a space where there is one so no word is
// searched by half, then to `words` words (each piece between spaces counted as one, a
// phrase's words too, so the cut is never short of enough); `null` when it fits.
function shortened(q, room, words) {
  let cut = q;
  const chars = [...cut];
  if (chars.length > room) {
    cut = chars.slice(0, room).join("");
    const space = cut.lastIndexOf(" ");
    if (space > room / 2) cut = cut.slice(0, space);
  }
  const pieces = cut.trim().split(/\s+/);
  let counted = 0;
  let kept = 0;
  for (; kept < pieces.length; kept++) {
    if (!/^(AND|OR|NOT)$/.test(pieces[kept])) counted++;
    if (counted > words) break;
  }
  if (kept < pieces.length) cut = pieces.slice(0, kept).join(" ");
  return cut === q ? null : cut.trim();
}

// Set by the search form: the results that come next take the focus.
let focusResults = false;

async function searchView(p) {
  const results = h("section", { id: "results", "aria-label": t("results") });
  const list = await issuers();
  setMain(h("h1", { class: "visually-hidden" }, t("searchTitle")), searchForm(p, list), results);
  const focus = focusResults;
  focusResults = false;
  if (!p.q && !REQUISITES.some((k) => p[k])) {
    document.getElementById("q").focus();
    return;
  }
  const cut = p.q ? shortened(p.q, MAX_QUERY, MAX_WORDS) : null;
  const q = cut === null ? p.q : cut;
  const note = cut === null ? null : h("p", { class: "note", id: "shortened" }, t("shortened")(MAX_QUERY, MAX_WORDS));
  const offset = Number(p.offset || 0) || 0;
  results.append(h("p", { class: "muted" }, t("loading")));
  try {
    const res = await api("/v1/search", { q, limit: 10, offset, as_of: p.as_of, kind: p.kind, status: p.status, lang: p.lang,
      issuer: p.issuer, registration: p.registration, number: p.number, date_from: p.date_from, date_to: p.date_to,
      exact_total: p.exact_total, total_bound: p.total_bound });
    const noExact = res.hits.length > 0 && res.hits.every((x) => x.partial);
    const list = h("ol", { class: "hits", start: offset + 1 });
    for (const hit of res.hits) list.append(hitItem(hit, p));
    const pager = h("nav", { class: "pager", "aria-label": t("pages") },
      offset > 0 ? h("a", { href: withParams("/", { ...p, offset: Math.max(0, offset - 10) }), rel: "prev" }, t("prev")) : null,
      offset + res.hits.length < res.total || (res.total_is_lower_bound && res.hits.length === res.limit) ? h("a", { href: withParams("/", { ...p, offset: offset + 10 }), rel: "next", id: "next" }, t("next")) : null);
    results.replaceChildren(...[
      note,
      h("h2", { class: "count", id: "count", tabindex: -1 }, t("found")(res.total, res.total_is_lower_bound), ` · ${res.took_ms} ${t("ms")}`),
      // No hit has the question's main words: said before the hits, so unrelated provisions
      // are never taken for an answer.
      noExact ? h("p", { class: "note", id: "no-exact" }, t("noExact"))
        : res.relaxed ? h("p", { class: "note" }, t("relaxed")) : null,
      res.incomplete ? h("p", { class: "note" }, t("incomplete")) : null,
      ...(res.searched_also || []).map((s) => h("p", { class: "note" }, t("searchedAlso")(s.word, s.also))),
      (res.read_as || []).length ? h("p", { class: "note" }, t("readAs")(res.read_as)) : null,
      // A place the question names that no local act of the index belongs to: said, so that
      // another place's rule is never taken for the one asked about.
      res.place && !res.place.has_acts ? h("p", { class: "note", id: "place-none" }, t("placeNone")(res.place)) : null,
      res.several_acts ? h("p", { class: "note", id: "several-acts" }, t("severalActs")(res.several_acts)) : null,
      res.hits.length ? list : h("p", { class: "note" }, t("none")),
      pager].filter(Boolean));
  } catch (e) {
    results.replaceChildren(...[note, errorBox(e)].filter(Boolean));
  }
  // After a search sent from the form, the keyboard goes on from the results (their count,
  // or what went wrong), not from the box.
  if (focus) {
    const to = document.getElementById("count") || results.querySelector(".error");
    if (to) to.focus();
  }
}

// The link to a text on the official database (its meta.yaml `source`); `null` for anything
// but an http(s) address, which the server alone already ensures.
function officialLink(url) {
  if (typeof url !== "string" || !/^https?:\/\//.test(url)) return null;
  return h("a", { href: url, class: "official", rel: "noopener noreferrer", target: "_blank" }, t("official"));
}

function hitItem(hit, p) {
  const link = withParams(unitPath(hit.act.id, hit.unit.eid), { as_of: p.as_of, lang: hit.lang, q: p.q });
  const src = hit.source;
  return h("li", { class: "hit", lang: hit.lang === "ru" ? "ru" : "kk" },
    h("h2", {}, h("a", { href: link, class: "cite" }, hit.citation)),
    h("p", { class: "snippet" }, marked(hit.snippet)),
    // A question's words the unit does not say, where its article says them.
    (hit.in_article || []).length
      ? h("p", { class: "note in-article" },
        t("inArticle")(hit.in_article.map((m) => `«${m.word}»: ${m.units.map(eidWords).join(", ")}`)))
      : null,
    h("p", { class: "meta" },
      badge(hit.act.status, hit.unit.status, (hit.version || {}).state), " ",
      officialLink(hit.act.url) || h("span", { class: "src", translate: "no" }, `${src.file}:${src.line_start}-${src.line_end}`),
      hit.version && hit.version.id !== "current" ? h("span", {}, ` · ${t("edition")} ${dmy(hit.version.id)}`) : null,
      " · ", h("span", {}, t(hit.lang === "ru" ? "ru" : "kk")),
      hit.partial ? h("span", { class: "partial" }, ` · ${t("partial")}`) : null),
    h("p", { class: "actions" },
      copyButton(citedText(hit.citation, hit.lang, hit.act.id, hit.unit.eid, p.as_of)), " ",
      h("a", { href: link, class: "permalink" }, t("permalink")), " ",
      h("a", { href: withParams(actPath(hit.act.id), { lang: hit.lang, q: p.q }) + `#${encodeURIComponent(hit.unit.eid)}` }, t("openAct"))));
}

// ---- act ----

// A unit as the contents list names it: its number and its title (`12-бап. Республика
// Президентiмен қарым-қатынасы`), either alone where it has only one.
function unitLabel(u) {
  const heading = (u.heading || "").trim();
  const label = u.label || (u.num ? u.num : "") || eidWords(u.eid);
  return heading ? `${label}. ${heading}` : label;
}

// The eid of the article `typed` names (`7`, `7-1`, `ст. 7`, `7-бап`, `статья 7-1`): the
// first article of that number, or in an act without articles the shallowest paragraph;
// `null` when there is none.
function articleEid(units, typed) {
  const m = /\d+(?:-\d+)*/.exec(typed || "");
  if (!m) return null;
  const found = { art: null, para: null };
  eachUnit(units, (u, depth) => {
    const last = u.eid.split("__").pop();
    if (!found.art && last === `art_${m[0]}`) found.art = u.eid;
    if (last === `para_${m[0]}` && (!found.para || depth < found.para.depth)) found.para = { eid: u.eid, depth };
  });
  return found.art || (found.para && found.para.eid);
}

// Each unit of `units` and of their children, depth first.
function eachUnit(units, f, depth = 0) {
  for (const u of units || []) {
    f(u, depth);
    eachUnit(u.children, f, depth + 1);
  }
}

// An act: its outline (facts, table of contents, a section per unit) as soon as it comes,
// then the units' texts, asked for separately so a large act's outline shows at once.
async function actView(id, p) {
  setMain(h("p", { class: "muted" }, t("loading")));
  let act;
  try {
    // On a date, the units the act had that day (one an older edition prints among them, one
    // added later not), with their headings then.
    act = await api(`/v1/acts/${encodeURIComponent(id)}`, { lang: p.lang, as_of: p.as_of });
  } catch (e) {
    setMain(...errorPage(e, "errNoAct"));
    return;
  }
  const langs = act.expressions || [act.lang];
  // The heading in the reader's interface language where the act has that text, whichever
  // text is shown below it.
  let title = { text: act.title, lang: act.lang };
  if (ui !== act.lang && langs.includes(ui)) {
    try {
      const other = await api(`/v1/acts/${encodeURIComponent(id)}`, { lang: ui });
      title = { text: other.title, lang: ui };
    } catch (_) {
      // The text's own title stays.
    }
  }
  document.title = `${title.text} — zanlex`;
  const toc = h("ul", {});
  const body = h("div", { class: "act-text", lang: act.lang === "ru" ? "ru" : "kk", "aria-busy": "true" });
  // Where each unit's text goes, by eid.
  const slots = new Map();
  // Each contents entry with units inside has a button that shows or hides them: open
  // where they have units of their own (a chapter's articles), closed where they are the
  // last level (an article's paragraphs), so a long act lists its articles at a glance.
  const tocLists = new Map();
  const walk = (units, ul, depth) => {
    for (const u of units) {
      const name = unitLabel(u);
      const li = h("li", {}, h("a", { href: `#${encodeURIComponent(u.eid)}` }, name.length > 90 ? `${name.slice(0, 89)}…` : name));
      ul.append(li);
      const heading = u.heading && u.heading.trim() ? h("span", { class: "unit-heading" }, ` ${u.heading.trim()}`) : null;
      const text = h("div", { class: "text" });
      const state = h("p", { class: "state", hidden: true });
      const notes = h("div", { class: "amend-notes" });
      const slot = { text, heading, state, notes, title: u.heading ? u.heading.trim() : "" };
      slots.set(u.eid, slot);
      body.append(h("section", { id: u.eid, class: `unit depth-${Math.min(depth, 4)}` },
        h("p", { class: "unit-head" },
          h("a", { href: withParams(unitPath(act.id, u.eid), { lang: act.lang, q: p.q, as_of: p.as_of }) }, u.label || eidWords(u.eid)),
          heading, " ",
          stateOf(u.status) !== "live" && !p.as_of ? badge("", stateOf(u.status)) : null),
        state, text, notes));
      if (u.children && u.children.length) {
        const open = u.children.some((c) => c.children && c.children.length);
        const sub = h("ul", { id: `toc-${u.eid}`, hidden: !open });
        const toggle = h("button", { type: "button", class: "toggle", "aria-expanded": String(open), "aria-controls": `toc-${u.eid}`,
          onclick: () => setOpen(toggle, sub, sub.hidden) },
          h("span", { "aria-hidden": "true" }, open ? "▾" : "▸"), h("span", { class: "visually-hidden" }, open ? t("collapse") : t("expand")));
        li.prepend(toggle);
        li.append(sub);
        li.classList.add("has-children");
        tocLists.set(u.eid, { toggle, sub });
        walk(u.children, sub, depth + 1);
        // The words a paragraph prints after its list (`Для водопоя … допускается …` after
        // `9) …`) come after the list here too.
        slot.closing = h("div", { class: `text closing depth-${Math.min(depth, 4)}`, "data-closing-of": u.eid });
        body.append(slot.closing);
      }
    }
  };
  const setOpen = (toggle, sub, open) => {
    sub.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.firstChild.textContent = open ? "▾" : "▸";
    toggle.lastChild.textContent = open ? t("collapse") : t("expand");
  };
  walk(act.units || [], toc, 0);
  // "Go to article": the unit's section comes into view and takes the focus, its contents
  // entry is shown, and the address names it (Back returns).
  const gotoMsg = h("p", { class: "goto-msg", id: "goto-msg", role: "status" });
  const gotoForm = h("form", { class: "goto", onsubmit: (ev) => {
    ev.preventDefault();
    const eid = articleEid(act.units, document.getElementById("goto").value);
    const el = eid && document.getElementById(eid);
    if (!el) {
      gotoMsg.textContent = t("noArticle");
      return;
    }
    gotoMsg.textContent = "";
    const parts = eid.split("__");
    for (let i = 1; i < parts.length; i++) {
      const list = tocLists.get(parts.slice(0, i).join("__"));
      if (list) setOpen(list.toggle, list.sub, true);
    }
    history.pushState(null, "", `${location.pathname}${location.search}#${encodeURIComponent(eid)}`);
    el.setAttribute("tabindex", "-1");
    el.scrollIntoView();
    el.focus({ preventScroll: true });
  } },
  h("label", { for: "goto" }, t("goTo")),
  h("span", { class: "goto-line" },
    h("input", { id: "goto", name: "goto", type: "text", autocomplete: "off", placeholder: t("goToPh") }),
    h("button", { type: "submit", id: "goto-go" }, t("go"))),
  gotoMsg);
  // One date for the whole act: each unit is read as it stood that day (the library's rule,
  // unit by unit), and the address keeps the date.
  const asOfForm = h("form", { class: "asof", id: "act-asof", onsubmit: (ev) => {
    ev.preventDefault();
    const v = isoDate(document.getElementById("as_of").value);
    history.pushState(null, "", withParams(actPath(act.id), { lang: act.lang, q: p.q, as_of: v }));
    route();
  } }, dateInput("as_of", t("asOf"), p.as_of), h("button", { type: "submit", id: "asof-go" }, t("show")));
  const edition = h("p", { class: "note", id: "act-edition" },
    p.as_of ? t("readOn")(dmy(p.as_of))
      : loud(act.state) ? t("lastText")(act.version_date ? dmy(act.version_date) : "")
        : t("readNow")(act.version_date ? dmy(act.version_date) : ""));
  // Search within the act: its hits listed here, each a link to its unit on this page, whose
  // words the page then marks.
  const actHits = h("div", { id: "act-hits", "aria-live": "polite" });
  const actSearch = h("form", { class: "goto", role: "search", onsubmit: (ev) => {
    ev.preventDefault();
    const q = document.getElementById("act-q").value.trim();
    history.pushState(null, "", withParams(actPath(act.id), { lang: act.lang, as_of: p.as_of, q }));
    route();
  } },
  h("label", { for: "act-q" }, t("actSearch")),
  h("span", { class: "goto-line" },
    h("input", { id: "act-q", name: "q", type: "search", autocomplete: "off", placeholder: t("actSearchPh"), value: p.q || "" }),
    h("button", { type: "submit", id: "act-q-go" }, t("search"))),
  actHits);
  const loadingTexts = h("p", { class: "muted", id: "texts-loading" }, t("textsLoading"));
  const reg = act.registration;
  // A long act's contents are hundreds of keyboard stops: the first one leads past them to
  // the text (focus moves there; the address, which names units, is left alone).
  const textSection = h("section", { "aria-label": t("text"), id: "act-text-section", tabindex: -1 }, loadingTexts, body);
  const skipToc = h("a", { class: "skip-toc", id: "skip-toc", href: "#act-text-section", onclick: (ev) => {
    ev.preventDefault();
    textSection.focus();
  } }, t("skipToc"));
  setMain(
    h("article", { class: "act" },
      printHead(act.citation, p.as_of, act.state),
      statusBanner(act.state, act.state_text, act.lang, act.repealed_by || act.replaced_by),
      h("h1", { lang: title.lang === "ru" ? "ru" : "kk" }, title.text),
      h("dl", { class: "facts" },
        h("dt", {}, t("kindL")), h("dd", {}, kindName(act.kind)),
        h("dt", {}, t("date")), h("dd", {}, dmyOr(act.issuances && act.issuances[0] && act.issuances[0].date, "—")),
        h("dt", {}, t("number")), h("dd", {}, (act.issuances || []).map((i) => i.number).filter(Boolean).join(" / ") || "—"),
        reg ? [h("dt", {}, t("registration")), h("dd", {}, `№ ${reg.number}${reg.date ? " · " + dmy(reg.date) : ""}`)] : null,
        h("dt", {}, t("status")), h("dd", {}, badge(stateOf(act.status)), act.status && act.status.on ? ` ${act.status.estimated ? `${t("estimated")} ` : ""}${dmy(act.status.on)}` : null),
        h("dt", {}, t("source")), h("dd", {}, officialLink(act.official_url)
          || (act.source ? h("span", { class: "src", translate: "no" }, act.source.file) : "—"))),
      langs.length > 1 ? h("p", { class: "langs" }, langs.map((l) =>
        l === act.lang ? h("strong", {}, t(l)) : h("a", { href: withParams(actPath(act.id), { lang: l, q: p.q }), hreflang: l }, t(l))).flatMap((x, i) => (i ? [" · ", x] : [x]))) : null,
      h("p", { class: "act-links" }, h("a", { href: withParams(`${actPath(act.id)}/history`, { lang: act.lang }), id: "act-history-link" }, t("actHistory"))),
      downloadLinks(act.id, act.lang, p.as_of),
      relatedBox(act.id, act.lang, p.as_of),
      asOfForm, edition,
      h("div", { class: "act-grid" },
        h("nav", { class: "toc", "aria-label": t("toc") }, skipToc, gotoForm, actSearch, h("h2", {}, t("toc")), toc),
        textSection)));
  const toHash = () => {
    if (!location.hash) return;
    const el = document.getElementById(decoded(location.hash.slice(1)));
    if (el) el.scrollIntoView();
  };
  toHash();
  followReader(body, toc);
  if (p.q) actSearchHits(act, p, actHits);
  // A large act's texts come in pages: each answer holds the units from its `offset` (in
  // document order) to its `next_offset`, each with its text, and no other.
  for (let from = 0, to; from !== null; from = to) {
    let full;
    try {
      full = await apiMarked(`/v1/acts/${encodeURIComponent(act.id)}`, { lang: act.lang, text: "true", as_of: p.as_of, offset: from || undefined }, p.q);
    } catch (e) {
      loadingTexts.replaceWith(errorBox(e));
      return;
    }
    if (!body.isConnected) return;
    to = Number.isInteger(full.next_offset) && full.next_offset > from ? full.next_offset : null;
    eachUnit(full.units, (u) => {
      const slot = slots.get(u.eid);
      if (!slot) return;
      const text = u.text || "";
      // A heading the text prints itself is not shown twice.
      if (slot.heading && slot.title && text.includes(slot.title)) slot.heading.remove();
      const len = new TextEncoder().encode(text).length;
      const at = slot.closing && Number.isInteger(u.closing_at) && u.closing_at <= len ? u.closing_at : len;
      slot.text.replaceChildren(...richText(text, u.highlights, u.tables, 0, at));
      if (slot.closing) slot.closing.replaceChildren(...richText(text, u.highlights, u.tables, at, len));
      // The amendment notes the source prints under the unit, set apart from the law's words.
      slot.notes.replaceChildren(...(u.notes || []).map((n) => h("p", { class: "amend-note" }, n)));
      // On a date, what the rule says of a unit not simply in force (deleted since, not yet
      // in the act, not in the corpus), in the text's own words.
      // The act's own state is said once, in the banner, not again under every unit.
      if (u.state && u.state.kind !== "in_force" && !(act.state && act.state.kind === u.state.kind)) {
        slot.state.replaceChildren(u.state_text, ...underLink(u.state, act.id, p.as_of));
        slot.state.className = `state state-${u.state.kind}`;
        slot.state.hidden = false;
      }
    });
  }
  loadingTexts.remove();
  body.setAttribute("aria-busy", "false");
  toHash();
}

// Contents that follow the reader: the entry of the unit at the top of the text as the reader
// scrolls is marked (`aria-current`), or, where it is folded away, the nearest entry shown
// that holds it; the contents box scrolls itself to keep the mark in view. Nothing takes the
// focus or opens a folded list, so the keyboard stays where the reader left it.
function followReader(body, toc) {
  if (typeof IntersectionObserver !== "function") return;
  const seen = new Set();
  let marked = null;
  const entryOf = (eid) => {
    const parts = eid.split("__");
    for (let i = parts.length; i > 0; i--) {
      const link = toc.querySelector(`a[href="#${CSS.escape(encodeURIComponent(parts.slice(0, i).join("__")))}"]`);
      if (link && link.offsetParent !== null) return link;
    }
    return null;
  };
  const mark = () => {
    // The first unit in document order among those in view: the one the reader is at.
    const first = [...body.children].find((el) => seen.has(el));
    const link = first ? entryOf(first.id) : null;
    if (link === marked) return;
    if (marked) marked.removeAttribute("aria-current");
    marked = link;
    if (!link) return;
    link.setAttribute("aria-current", "location");
    const box = link.closest(".toc");
    if (box && box.scrollHeight > box.clientHeight) {
      const top = link.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - link.offsetHeight) {
        box.scrollTop = Math.max(0, top - box.clientHeight / 3);
      }
    }
  };
  // A unit counts as in view while it crosses the band below the top of the window.
  const io = new IntersectionObserver((changes) => {
    for (const c of changes) {
      if (c.isIntersecting) seen.add(c.target); else seen.delete(c.target);
    }
    mark();
  }, { rootMargin: "0px 0px -70% 0px" });
  for (const el of body.querySelectorAll(":scope > section.unit")) io.observe(el);
  // Folding or unfolding the contents may show the unit's own entry, or hide it.
  toc.addEventListener("click", () => requestAnimationFrame(() => {
    if (marked) marked.removeAttribute("aria-current");
    marked = null;
    mark();
  }));
}

// The hits of a search within `act` (the search's `act` filter, on the page's date), listed in
// `out`: each its unit's label, linking to it on this page, and its snippet.
async function actSearchHits(act, p, out) {
  out.replaceChildren(h("p", { class: "muted" }, t("loading")));
  try {
    const res = await api("/v1/search", { q: p.q, act: act.id, lang: act.lang, as_of: p.as_of, limit: 50 });
    out.replaceChildren(
      h("p", { class: "count", id: "act-hits-count" }, t("actHits")(res.total)),
      res.hits.length ? h("ol", { class: "act-hits" }, res.hits.map((hit) => h("li", {},
        h("a", { href: `#${encodeURIComponent(hit.unit.eid)}`, class: "act-hit" }, hit.unit.label || eidWords(hit.unit.eid)),
        " ", h("span", { class: "snippet" }, marked(hit.snippet))))) : h("p", { class: "note" }, t("none")));
  } catch (e) {
    out.replaceChildren(errorBox(e));
  }
}

// The documents related to the act, as the library lists them (`/v1/acts/{id}/related`): its
// predecessor and successor, the acts it amends and that amend it, the acts it cites and that
// cite it, each with its status; one closed box (one keyboard stop before the text), its
// counts in its summary, pages of each list on asking.
function relatedBox(id, lang, asOf) {
  const summary = h("summary", { id: "related-summary" }, h("h2", { class: "related-h" }, t("related")));
  const body = h("div", { class: "related-body", "aria-busy": "true" }, h("p", { class: "muted" }, t("loading")));
  const box = h("details", { class: "related", id: "related" }, summary, body);
  const groups = [["replaces", "relReplaces"], ["replaced_by", "relReplacedBy"], ["amended_by", "relAmendedBy"],
    ["amends", "relAmends"], ["cites", "relCites"], ["cited_by", "relCitedBy"]];
  const lists = new Map();
  const item = (a, key) => {
    const name = a.in_words ? a.in_words[ui] : a.citation;
    const nameLang = a.in_words ? ui : lang;
    // The status the corpus records, then what the time rule says of the day read when the
    // act is not simply in force that day and the status does not say it already.
    const sayState = !!a.state_in_words && !(a.state.kind === "repealed" && stateOf(a.status) === "repealed");
    const status = a.status ? [badge(stateOf(a.status)), a.status.on ? ` ${a.status.estimated ? `${t("estimated")} ` : ""}${dmy(a.status.on)}` : null,
      sayState ? " · " : null, sayState ? h("span", { class: `state state-${a.state.kind}` }, a.state_in_words[ui]) : null]
      : [h("span", { class: "muted" }, t("notInCorpus")),
        // An act the corpus lacks adopted, or applying, only after the day read.
        a.state_in_words ? " · " : null, a.state_in_words ? h("span", { class: `state state-${a.state.kind}` }, a.state_in_words[ui]) : null];
    // Words quoted from the text relating the act: too little of it is known to name it.
    const quoted = a.quoted ? [` (${t("relQuoted")})`] : [];
    const count = key === "cites" || key === "cited_by" ? t("relRefs")(a.count)
      : key === "amends" || key === "amended_by" ? t("relEvents")(a.count) : null;
    return h("li", { class: "related-act" },
      a.id ? h("a", { href: withParams(actPath(a.id), { lang: a.in_words ? undefined : lang }), class: "cite", lang: nameLang === "ru" ? "ru" : "kk" }, name)
        : h("span", { class: "cite", lang: nameLang === "ru" ? "ru" : "kk" }, a.quoted ? `«${name}»` : name),
      ...quoted, " · ", ...status, count ? ` · ${count}` : null);
  };
  const load = async (offset) => {
    let res;
    try {
      res = await api(`/v1/acts/${encodeURIComponent(id)}/related`, { lang, as_of: asOf, limit: 20, offset: offset || undefined });
    } catch (e) {
      body.replaceChildren(errorBox(e));
      return;
    }
    if (!offset) {
      body.replaceChildren();
      let n = 0;
      for (const [key, label] of groups) {
        const entries = Array.isArray(res[key]) ? res[key] : res[key] ? [res[key]] : [];
        const total = res.totals && Number.isInteger(res.totals[key]) ? res.totals[key] : entries.length;
        if (!total) continue;
        n += total;
        const ul = h("ul", { id: `related-${key.replace("_", "-")}` });
        lists.set(key, ul);
        body.append(h("section", { class: "related-group" }, h("h3", {}, `${t(label)} (${grouped(total)})`), ul));
      }
      summary.append(h("span", { class: "muted", id: "related-count" }, ` (${grouped(n)})`));
      if (!n) body.append(h("p", { class: "note", id: "related-none" }, t("relatedNone")));
    }
    for (const [key] of groups) {
      const ul = lists.get(key);
      if (!ul) continue;
      const entries = Array.isArray(res[key]) ? res[key] : offset ? [] : res[key] ? [res[key]] : [];
      ul.append(...entries.map((a) => item(a, key)));
    }
    const more = document.getElementById("related-more");
    if (more) more.remove();
    if (Number.isInteger(res.next_offset)) {
      body.append(h("button", { type: "button", id: "related-more", onclick: () => load(res.next_offset) }, t("relMore")));
    }
    body.setAttribute("aria-busy", "false");
  };
  load(0);
  return box;
}

// Links that download the act as it stood on the date read (today when none) as a file to
// attach, its citation and that date on top, in Markdown and in plain text.
function downloadLinks(id, lang, asOf) {
  const date = asOf || new Date().toISOString().slice(0, 10);
  const link = (format, name) => h("a", { href: withParams(`/v1/acts/${encodeURIComponent(id)}/download`, { date, format, lang }),
    download: "", id: `act-download-${format}`, type: format === "md" ? "text/markdown" : "text/plain" }, name);
  return h("p", { class: "act-links", id: "act-download" }, t("download")(dmy(date)), " ", link("md", t("downloadMarked")), " · ", link("txt", t("downloadPlain")));
}

// The line a printed page starts with: the citation and the date. A page whose act is not in
// force (`state`: repealed, not yet in force…) is never called the text in force: the banner
// under this line says what it is.
function printHead(citation, asOf, state) {
  const date = dmy(asOf || new Date().toISOString().slice(0, 10));
  return h("p", { class: "print-head" }, h("span", { class: "cite" }, citation), " · ",
    h("span", { class: "print-date" }, loud(state) ? t("printedText")(date) : t("printedOn")(date, !!asOf)));
}

// ---- provision ----

async function unitView(id, eid, p) {
  setMain(h("p", { class: "muted" }, t("loading")));
  let shown;
  let hist;
  let outline;
  try {
    [shown, hist, outline] = await Promise.all([
      apiMarked(`/v1/acts/${encodeURIComponent(id)}/units/${encodeURIComponent(eid)}`, { as_of: p.as_of, parallel: "true" }, p.q),
      api(`/v1/acts/${encodeURIComponent(id)}/history`, { eid, lang: p.lang }),
      // The act that repealed it, for the banner.
      api(`/v1/acts/${encodeURIComponent(id)}`, { lang: p.lang, as_of: p.as_of }).catch(() => null),
    ]);
  } catch (e) {
    // Missing: the act, or only the unit in an act that is there.
    let missing = "errNoUnit";
    if (e.code === "not_found") {
      try {
        await api(`/v1/acts/${encodeURIComponent(id)}`);
      } catch (_) {
        missing = "errNoAct";
      }
    }
    setMain(...errorPage(e, missing));
    return;
  }
  const langs = ["kk", "ru"].filter((l) => shown[l]);
  const first = shown[p.lang] || shown[langs[0]];
  document.title = `${first.citation} — zanlex`;
  const asOf = h("form", { class: "asof", onsubmit: (ev) => {
    ev.preventDefault();
    const v = isoDate(document.getElementById("as_of").value);
    history.pushState(null, "", withParams(unitPath(id, eid), { ...p, as_of: v }));
    route();
  } }, dateInput("as_of", t("asOf"), p.as_of), h("button", { type: "submit", id: "asof-go" }, t("show")));
  // Each column's references, and the provisions citing this one, come after the page.
  const refSlots = {};
  const columns = h("div", { class: langs.length > 1 ? "parallel" : "single" },
    langs.map((l) => {
      const u = shown[l];
      refSlots[l] = h("div", { class: "refs-list" }, h("p", { class: "muted" }, t("loading")));
      return h("section", { class: "column", lang: l, "aria-label": t(l) },
        h("h2", {}, t(l)),
        h("p", { class: "cite-line" }, h("span", { class: "cite" }, u.citation), " ",
          copyButton(citedText(u.citation, l, id, eid, p.as_of))),
        // What the rule answers for this language on the date: the state in the text's own
        // words, and the edition the wording comes from with the dates it was in force.
        h("p", { class: `state state-${u.state.kind}`, lang: l }, u.state_text, ...underLink(u.state, id, p.as_of),
          ...lapsedByLink(u.state, u.state_by), ...readFromWords(u.read_from)),
        h("p", { class: "meta edition" }, badge(u.act.status, u.unit.status, u.state), " ",
          // Not yet in force: the edition of the wording it takes on its day, named so.
          u.edition ? editionWords(u.edition)
            : u.to_come ? `${t("toComeEdition")}: ${editionWords(u.to_come.edition)}` : t("noEdition"),
          ...givenInLink((u.edition || {}).given_in, id, l, p.as_of),
          // The official text's address where the act has one; the file and its lines
          // (never printed) only where it has none.
          u.edition || u.to_come ? [" · ", officialLink(u.act.url)
            || h("span", { class: "src", translate: "no" }, `${u.source.file}:${u.source.line_start}-${u.source.line_end}`)] : null),
        u.to_come && !u.text ? toComeText(u.to_come)
          : h("div", { class: "text" }, richText(u.text, u.highlights, u.tables, 0, undefined,
            { links: u.links, href: (target) => textRefHref(target, id, l, p) })),
        u.children && u.children.length ? h("p", { class: "children" }, `${t("children")}: `,
          u.children.map((c) => h("a", { href: withParams(unitPath(id, c.eid), { as_of: p.as_of }) }, c.label)).flatMap((x, i) => (i ? [", ", x] : [x]))) : null,
        h("section", { class: "refs", "aria-label": `${t("refs")} (${t(l)})` },
          h("h3", {}, t("refs")),
          refSlots[l]));
    }));
  const citedList = h("div", { id: "cited-by-list" }, h("p", { class: "muted" }, t("loading")));
  const citedBy = h("section", { class: "cited-by", "aria-labelledby": "cb-h" },
    h("h2", { id: "cb-h" }, t("citedBy")), citedList);
  const versions = hist.versions || [];
  const timeline = h("section", { class: "timeline", "aria-labelledby": "tl-h" },
    h("h2", { id: "tl-h" }, t("timeline")),
    versions.length ? h("div", {}, h("h3", {}, t("versions")), h("ol", { class: "versions" }, versions.map((v) =>
      h("li", {}, h("a", { href: withParams(unitPath(id, eid), { ...p, as_of: v.from || "" }) }, `${dmy(v.from)} – ${dmy(v.to)}`), ` (${t("edition")} ${editionId(v.id)})`)))) : null,
    h("h3", {}, t("changes")),
    eventList(hist.entries, id, p));
  const defFrom = versions.length ? versions[0].from || "" : (first.act.date || "");
  const compare = h("section", { class: "compare", "aria-labelledby": "cmp-h" },
    h("h2", { id: "cmp-h" }, t("compare")),
    compareForm({ form: "compare-form", from: "cmp_from", to: "cmp_to", go: "compare-go", out: "diff" }, id, eid, p, defFrom));
  setMain(h("article", { class: "unit-page" },
    printHead(first.citation, p.as_of, first.state),
    // The banner in the interface's language where the provision has that text: its label
    // and the act's state then read in one language.
    // An expired provision's banner names the act its expiry's words name.
    statusBanner(first.state, (shown[ui] || first).state_text, (shown[ui] || first).lang,
      first.state.kind === "expired" ? (shown[ui] || first).state_by
        : outline && (outline.repealed_by || outline.replaced_by)),
    h("p", { class: "crumbs" }, h("a", { href: withParams(actPath(id), { lang: first.lang, q: p.q }) + `#${encodeURIComponent(eid)}` }, first.act.title)),
    h("h1", {}, first.citation),
    unitNav(first, id, p),
    asOf, columns, citedBy, timeline, compare));
  const enc = `/v1/acts/${encodeURIComponent(id)}/units/${encodeURIComponent(eid)}`;
  await Promise.all([
    ...langs.map(async (l) => {
      try {
        const res = await api(`${enc}/refs`, { lang: l, as_of: p.as_of });
        refSlots[l].replaceChildren(res.references.length
          ? h("ul", { class: "ref-items" }, res.references.map((r) => refItem(r, eid, p)))
          : h("p", { class: "muted" }, t("noRefs")));
      } catch (e) {
        refSlots[l].replaceChildren(errorBox(e));
      }
    }),
    (async () => {
      try {
        const res = await api(`${enc}/cited-by`, { as_of: p.as_of });
        citedList.replaceChildren(citedByList(res.cited_by, eid, first.lang, p));
      } catch (e) {
        citedList.replaceChildren(errorBox(e));
      }
    })(),
  ]);
}

// The provisions before and after this one, as the library finds them (the same kind, the
// same appendix), each a link on the same date.
function unitNav(u, id, p) {
  if (!u.previous && !u.next) return null;
  const link = (n, rel, key) => n
    ? h("a", { href: withParams(unitPath(id, n.eid), { lang: p.lang, as_of: p.as_of }), rel, id: `${rel}-unit`, class: `unit-${rel}` },
      `${rel === "prev" ? "← " : ""}${t(key)}: ${n.name[ui]}${rel === "next" ? " →" : ""}`)
    : h("span", {});
  return h("nav", { class: "unit-nav", "aria-label": t("unitNav") },
    link(u.previous, "prev", "prevUnit"), link(u.next, "next", "nextUnit"));
}

// A reference's words as printed, on one line.
const quoted = (r) => `«${r.text.split(/\s+/).filter(Boolean).join(" ")}»`;

// A link to where a resolved reference leads: a provision's page, or the act's for a
// reference to a whole act. The language goes along only within one act (another act may
// lack it).
function targetHref(r, p) {
  const same = r.target.act === r.citing.act;
  const params = { as_of: p.as_of, lang: same ? r.citing.lang : "" };
  return r.target.eid ? withParams(unitPath(r.target.act, r.target.eid), params) : withParams(actPath(r.target.act), params);
}

// Where a link in a provision's text leads: as a reference's link in the side panel does.
function textRefHref(target, id, lang, p) {
  return targetHref({ target, citing: { act: id, lang } }, p);
}

// One outgoing reference: its words, then a link to its target, or why it has none.
function refItem(r, here, p) {
  const inside = r.citing.eid !== here ? h("span", { class: "muted" }, `${r.citing.label}: `) : null;
  if (r.target) {
    return h("li", { class: "ref" }, inside, h("span", { class: "quote" }, quoted(r)), " → ",
      h("a", { href: targetHref(r, p), class: "ref-target", "data-act": r.target.act, "data-eid": r.target.eid }, r.target.citation));
  }
  const why = T[ui][r.unresolved] || r.unresolved || t("unresolved");
  return h("li", { class: "ref unresolved" }, inside, h("span", { class: "quote" }, quoted(r)), " — ",
    h("span", { class: "why" }, `${t("unresolved")}: ${why}`));
}

// The provisions citing this one, each once: its citation as a link, the words it cites
// with, and which unit inside this one it names when not this one. A provision in two
// languages is shown in `prefer`'s.
function citedByList(refs, here, prefer, p) {
  const groups = new Map();
  for (const r of refs) {
    const key = `${r.citing.act}#${r.citing.eid}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  if (!groups.size) return h("p", { class: "muted", id: "no-cited-by" }, t("noCitedBy"));
  const items = [];
  for (const all of groups.values()) {
    const mine = all.filter((r) => r.citing.lang === prefer);
    const rs = mine.length ? mine : all.filter((r) => r.citing.lang === all[0].citing.lang);
    const c = rs[0].citing;
    const same = c.act === rs[0].target.act;
    const quotes = [...new Set(rs.map(quoted))];
    const inner = [...new Set(rs.filter((r) => r.target.eid !== here).map((r) => r.target.label))];
    items.push(h("li", { class: "citing", lang: c.lang },
      h("a", { href: withParams(unitPath(c.act, c.eid), { as_of: p.as_of, lang: same ? c.lang : "" }), class: "cite", "data-act": c.act, "data-eid": c.eid }, c.citation),
      " ", h("span", { class: "quote" }, quotes.join(" ")),
      inner.length ? h("span", { class: "muted" }, ` → ${inner.join(", ")}`) : null));
  }
  return h("ul", { class: "cited-items" }, items);
}

// The timeline's events, newest first, each a sentence in the interface's language from the
// library (`12-баптың 3-тармағы алып тасталды — ҚР 19.04.2023 № 222-VII Конституциялық
// Заңы, шамамен 29.04.2023 бастап`): the unit a link to its provision, the amending act a link
// to it where the corpus holds it.
// A list of amendments. Under an amending act's heading (`group`: its words) an entry names
// only the unit and what was done to it, and its day only where it is not the group's: the
// act and its day are said once, above.
function eventList(entries, id, p, group) {
  if (!entries.length) return h("p", { class: "muted" }, "—");
  return h("ol", { class: "events" }, entries.map((e) => {
    const w = e.in_words[ui];
    const what = e.eid
      ? h("a", { href: withParams(unitPath(id, e.eid), { as_of: p.as_of }), class: "event-unit" }, w.what)
      : h("span", { class: "event-unit" }, w.what);
    // An amending act the note does not name is left out, never guessed.
    const by = !w.by || group ? null : e.amending_act_id
      ? h("a", { href: actPath(e.amending_act_id), class: "amending-act" }, w.by)
      : h("span", { class: "amending-act" }, w.by);
    const since = group && w.since === group.since ? null : [", ", h("span", { class: "since" }, w.since)];
    return h("li", { class: "event" }, what, by ? [" — ", by] : null, since);
  }));
}

// What changed between two dates (or editions): a header naming each date asked and the
// editions behind it (and the act's state that day when not in force), then the changed
// provisions, each named in words and linked: a wording rewritten beyond half its words side
// by side (old | new), else its words marked inserted and deleted; then the provisions whose
// wording the corpus lacks on one side, and, in one line, those whose notes alone changed.
function renderDiff(d, id) {
  const side = (asked, s) => {
    const eds = (s.editions || []).map(editionId);
    const words = s.date ? t("sideWords")(dmy(s.date), eds) : `${t("edition")} ${eds.join(", ")}`;
    return h("span", { class: "diff-side" }, words,
      s.state_text ? [" — ", h("span", { class: `state state-${s.state.kind}` }, s.state_text)] : null);
  };
  const parts = [h("p", { class: "diff-head", id: "diff-head" }, side(d.from, d.from_side), " → ", side(d.to, d.to_side))];
  const text = d.units.filter((c) => c.kind !== "notes_only");
  const notes = d.units.filter((c) => c.kind === "notes_only");
  const blank = [d.from_side, d.to_side].some((s) => s.state && !s.editions.length);
  if (!text.length && !blank) parts.push(h("p", { class: "note", id: "no-changes" }, t("noChanges")));
  for (const c of text) {
    const block = h("div", { class: `change change-${c.kind}`, "data-eid": c.eid }, h("h3", {},
      h("a", { href: unitPath(id, c.eid) }, c.name[ui]), ` · ${T[ui].diffKinds[c.kind] || c.kind}`));
    if (c.kind === "changed" && c.rewritten) {
      block.append(h("div", { class: "side-by-side" },
        h("div", { class: "old" }, h("h4", {}, t("oldWording")), h("p", { class: "words" }, h("del", {}, c.text_from || ""))),
        h("div", { class: "new" }, h("h4", {}, t("newWording")), h("p", { class: "words" }, h("ins", {}, c.text_to || "")))));
    } else if (c.kind === "changed") {
      block.append(h("p", { class: "words" }, c.words.map((w) =>
        w.tag === "insert" ? h("ins", { title: t("added") }, w.text)
          : w.tag === "delete" ? h("del", { title: t("removed") }, w.text) : w.text)));
    } else if (c.kind === "unknown") {
      block.append(h("div", { class: "side-by-side" },
        // A side the corpus has a wording for shows it; the other says it has none.
        [[c.text_from, "oldWording"], [c.text_to, "newWording"]].map(([tx, k]) =>
          h("div", {}, h("h4", {}, t(k)), tx != null
            ? h("p", { class: "words" }, tx) : h("p", { class: "muted" }, t("noWording"))))));
    } else if (c.kind === "deleted") {
      block.append(h("p", { class: "words" }, h("del", {}, c.text_from || "")));
    } else {
      block.append(h("p", { class: "words" }, h("ins", {}, c.text_to || "")));
    }
    parts.push(block);
  }
  if (notes.length) {
    parts.push(h("p", { class: "muted notes-only" }, `${t("notesOnlyUnits")}: `,
      notes.map((c) => h("a", { href: unitPath(id, c.eid) }, c.name[ui])).flatMap((x, i) => (i ? [", ", x] : [x]))));
  }
  return h("div", { class: "diff" }, parts);
}

// A compare form between two dates (`ids`: its fields and button), its answer in `out`.
function compareForm(ids, id, eid, p, defFrom) {
  const today = new Date().toISOString().slice(0, 10);
  const out = h("div", { id: ids.out, "aria-live": "polite" });
  const form = h("form", { id: ids.form, class: "compare-form", onsubmit: async (ev) => {
    ev.preventDefault();
    const from = isoDate(document.getElementById(ids.from).value);
    const to = isoDate(document.getElementById(ids.to).value);
    try {
      const d = await api(`/v1/acts/${encodeURIComponent(id)}/diff`, { from, to, eid, lang: p.lang });
      out.replaceChildren(renderDiff(d, id));
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  } },
  dateInput(ids.from, t("from"), p.from || defFrom),
  dateInput(ids.to, t("to"), p.to || today),
  h("button", { type: "submit", id: ids.go }, t("compare")));
  return [form, out];
}

// The act's amendments grouped by amending act as the library groups them (newest first):
// each act's citation (a link where the corpus holds it), the day its changes apply from
// (and the last such day when they differ), the units it changed, then its events in words.
function amendingActList(hist, id, p) {
  const groups = hist.by_act || [];
  if (!groups.length) return h("p", { class: "muted" }, "—");
  return h("ol", { class: "amending-acts" }, groups.map((g) => {
    const w = g.in_words[ui];
    const by = g.amending_act_id
      ? h("a", { href: actPath(g.amending_act_id), class: "amending-act" }, w.by)
      : h("span", { class: "amending-act" }, w.by);
    const last = g.effective_last ? `, ${t("lastFrom")(dmy(g.effective_last.date))}` : "";
    // Names in a list after a colon: each in lower case (`статья 9; пункт 3 статьи 12`).
    const units = g.units.map((u) => u.name[ui].charAt(0).toLowerCase() + u.name[ui].slice(1)).join("; ");
    return h("li", { class: "amending" },
      h("h3", { class: "amending-head" }, by),
      h("p", { class: "amending-meta since" }, `${w.since}${last}`),
      h("p", { class: "amending-meta amending-units" }, `${t("unitsChanged")}: ${units}`),
      eventList(g.entries.map((i) => hist.entries[i]), id, p, w));
  }));
}

// The units an act's amendments changed, as a choice that reloads the history limited to one
// of them (the library limits it: `/v1/acts/{id}/history?eid=`).
function unitFilter(hist, id, p) {
  const seen = new Map();
  for (const g of hist.by_act || []) for (const u of g.units) if (u.eid && !seen.has(u.eid)) seen.set(u.eid, u.name[ui]);
  if (!seen.size && !p.eid) return null;
  const sel = h("select", { id: "unit-filter", onchange: (ev) => {
    const eid = ev.target.value;
    history.pushState(null, "", withParams(`${actPath(id)}/history`, { lang: p.lang, eid }));
    route();
  } }, h("option", { value: "" }, t("allUnits")),
  [...seen.entries()].map(([eid, name]) => h("option", { value: eid }, name)));
  if (p.eid && !seen.has(p.eid)) sel.append(h("option", { value: p.eid }, p.eid));
  sel.value = p.eid || "";
  return h("p", { class: "unit-filter" }, h("label", { for: "unit-filter" }, `${t("filterUnit")} `), sel);
}

// An act's editions and amendments: a comparison of the whole act between two dates first,
// then its editions (each a link to the act on the day it came into force), then its
// amendments grouped by amending act, filterable by unit.
async function actHistoryView(id, p) {
  setMain(h("p", { class: "muted" }, t("loading")));
  let act;
  let hist;
  try {
    [act, hist] = await Promise.all([
      api(`/v1/acts/${encodeURIComponent(id)}`, { lang: p.lang }),
      api(`/v1/acts/${encodeURIComponent(id)}/history`, { lang: p.lang, eid: p.eid }),
    ]);
  } catch (e) {
    setMain(...errorPage(e, "errNoAct"));
    return;
  }
  document.title = `${t("actHistory")} — ${act.title} — zanlex`;
  const versions = hist.versions || [];
  const defFrom = versions.length ? versions[0].from || "" : "";
  setMain(h("article", { class: "act-history" },
    h("p", { class: "crumbs" }, h("a", { href: withParams(actPath(id), { lang: p.lang }) }, act.title)),
    h("h1", {}, t("actHistory")),
    h("section", { class: "compare", "aria-labelledby": "cmp-h" },
      h("h2", { id: "cmp-h" }, t("wholeActCompare")),
      compareForm({ form: "compare-form", from: "cmp_from", to: "cmp_to", go: "compare-go", out: "diff" }, id, "", p, defFrom)),
    versions.length ? h("section", { class: "editions", "aria-labelledby": "ed-h" },
      h("h2", { id: "ed-h" }, t("versions")),
      h("ol", { class: "versions" }, versions.map((v) =>
        h("li", {}, h("a", { href: withParams(actPath(id), { lang: p.lang, as_of: v.from || "" }) },
          `${dmy(v.from)} – ${dmy(v.to)}`), v.to ? null : ` (${t("current")})`)))) : null,
    h("section", { class: "timeline", "aria-labelledby": "tl-h" },
      h("h2", { id: "tl-h" }, t("changesByAct")),
      unitFilter(hist, id, p),
      amendingActList(hist, id, p))));
}

// ---- recent changes ----

// The feed of what a view follows: the head's Atom link, for a feed reader to find.
function setFeed(params) {
  let link = document.getElementById("feed-link");
  if (!link) {
    link = h("link", { id: "feed-link", rel: "alternate", type: "application/atom+xml" });
    document.head.append(link);
  }
  link.href = withParams("/changes.atom", { ...params, ui });
  link.title = t("feedOf");
}

// Recent changes, as the library lists them (`/v1/changes`): what each amending act changed
// in each act, newest first by the day it takes effect; across the corpus, in one act
// (`act`) or in the acts a search finds (`q`), with the Atom feed of the same.
async function changesView(p) {
  const scope = { act: p.act, q: p.q, since: p.since, until: p.until, lang: p.lang };
  // The acts are named in the interface's language where they have that text.
  const asked = { ...scope, lang: p.lang || ui };
  const title = p.act ? t("recentOfAct") : p.q ? t("recentOfSearch")(p.q) : t("recentTitle");
  document.title = `${title} — zanlex`;
  setFeed({ act: p.act, q: p.q, lang: p.lang });
  const form = h("form", { class: "recent-form", id: "recent-form", onsubmit: (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const params = { act: p.act, lang: p.lang };
    for (const [k, v] of f.entries()) if (v) params[k] = ["since", "until"].includes(k) ? isoDate(v) : v;
    history.pushState(null, "", withParams("/changes", params));
    route();
  } },
  h("label", { for: "recent-q" }, t("recentQuery"),
    h("input", { id: "recent-q", name: "q", type: "search", value: p.q || "", autocomplete: "off" })),
  dateInput("since", t("since"), p.since),
  dateInput("until", t("until"), p.until),
  h("button", { type: "submit", id: "recent-go" }, t("show")));
  const out = h("section", { id: "recent", "aria-labelledby": "recent-h" }, h("p", { class: "muted" }, t("loading")));
  const feed = h("a", { href: withParams("/changes.atom", { act: p.act, q: p.q, lang: p.lang, ui }), class: "feed", id: "feed", type: "application/atom+xml" }, t("feed"));
  setMain(h("h1", {}, title), h("p", { class: "muted" }, t("recentAbout"), " ", feed), p.act ? null : form, out);
  const offset = Number(p.offset || 0) || 0;
  let res;
  try {
    res = await api("/v1/changes", { ...asked, offset, limit: 20 });
  } catch (e) {
    out.replaceChildren(errorBox(e, "errNoAct"));
    return;
  }
  if (p.act && res.changes.length) {
    document.title = `${t("recentOfAct")}: ${res.changes[0].act_in_words[ui]} — zanlex`;
  }
  const list = h("ol", { class: "recent-changes", start: offset + 1 }, res.changes.map((c) => {
    const w = c.in_words[ui];
    // The acts' citations and titles are the acts' words, not the interface's.
    const by = c.amending_act_id
      ? h("a", { href: actPath(c.amending_act_id), class: "amending-act" }, w.by)
      : h("span", { class: "amending-act" }, w.by);
    const last = c.effective_last ? `, ${t("lastFrom")(dmy(c.effective_last.date))}` : "";
    const units = c.units.filter((u) => u.eid).map((u) => u.name[ui].charAt(0).toLowerCase() + u.name[ui].slice(1));
    const more = c.units_total > c.units.length ? ` (+${c.units_total - c.units.length})` : "";
    return h("li", { class: "recent-change" },
      h("p", { class: "recent-day" }, h("time", { datetime: c.day || "" }, dmyOr(c.day, "…"))),
      h("h2", { class: "recent-act" }, h("a", { href: c.permalink || actPath(c.act_id), class: "cite" }, c.act_in_words[ui]),
        " ", badge(c.act_status && c.act_status.state)),
      h("p", { class: "recent-title quote", lang: c.act_lang }, c.act_title),
      h("p", { class: "recent-by" }, `${t("amendingActL")}: `, by, `, ${w.since}${last}`),
      units.length ? h("p", { class: "recent-units" }, `${t("unitsChanged")}: ${units.join("; ")}${more}`) : null,
      h("p", { class: "recent-links" }, h("a", { href: withParams(`${actPath(c.act_id)}/history`, { lang: p.lang }) }, t("timeline")),
        " · ", h("a", { href: withParams("/changes", { act: c.act_id }) }, t("followAct"))));
  }));
  const pager = h("nav", { class: "pager", "aria-label": t("pages") },
    offset > 0 ? h("a", { href: withParams("/changes", { ...scope, offset: Math.max(0, offset - 20) }), rel: "prev" }, t("prev")) : null,
    res.next_offset ? h("a", { href: withParams("/changes", { ...scope, offset: res.next_offset }), rel: "next", id: "next" }, t("next")) : null);
  out.replaceChildren(...[
    h("p", { class: "count", id: "recent-h" }, t("recentCount")(res.total, res.acts)),
    res.changes.length ? list : h("p", { class: "note" }, t("recentNone")),
    pager].filter(Boolean));
}

// ---- the shell ----

function applyUi() {
  document.documentElement.lang = ui;
  document.getElementById("skip").textContent = t("skip");
  document.getElementById("nav-search").textContent = t("search");
  document.getElementById("nav-changes").textContent = t("recent");
  document.querySelector("header nav").setAttribute("aria-label", t("menu"));
  // The button says, in its own language, the language it switches to; what it shows is
  // its whole name, so a voice command naming what is seen reaches it.
  const b = document.getElementById("ui-lang");
  b.textContent = t("otherFull");
  b.lang = ui === "kk" ? "ru" : "kk";
  b.removeAttribute("aria-label");
}

// A path the page does not have (the server answers it with this page and a 404).
function notFoundView() {
  document.title = `${t("notFoundPage")} — zanlex`;
  setMain(h("h1", {}, t("notFoundPage")),
    h("p", {}, t("notFoundText"), " ", h("a", { href: "/" }, t("search"))));
}

// A malformed `%` escape in the address (`/acts/%E0%A4%A`) is taken as typed: the page then
// says what it cannot find, never stays blank.
function decoded(s) {
  try { return decodeURIComponent(s); } catch (_) { return s; }
}

// The address (path and query) of the view on the page.
let routed = null;

function route() {
  routed = location.pathname + location.search;
  applyUi();
  const p = Object.fromEntries(new URLSearchParams(location.search));
  const parts = location.pathname.split("/").filter(Boolean).map(decoded);
  say("");
  // Each view names the feed of what it shows: the act's changes, the search's, or all.
  setFeed(parts[0] === "acts" && parts[1] ? { act: parts[1], lang: p.lang } : !parts.length && p.q ? { q: p.q } : {});
  if (parts[0] === "changes" && parts.length === 1) return changesView(p);
  if (parts[0] === "acts" && parts.length === 2) return actView(parts[1], p);
  if (parts[0] === "acts" && parts.length === 3 && parts[2] === "history") return actHistoryView(parts[1], p);
  if (parts[0] === "acts" && parts.length === 3) return unitView(parts[1], parts[2], p);
  if (parts.length) return notFoundView();
  document.title = p.q ? `${p.q} — zanlex` : "zanlex";
  return searchView(p);
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("ui-lang").addEventListener("click", () => {
    ui = ui === "kk" ? "ru" : "kk";
    localStorage.setItem("zanlex-ui", ui);
    route();
  });
  // `/` jumps to the search box, as on most search pages.
  document.addEventListener("keydown", (ev) => {
    const tag = (ev.target.tagName || "").toLowerCase();
    if (ev.key === "/" && !["input", "textarea", "select"].includes(tag)) {
      const q = document.getElementById("q");
      if (q) { ev.preventDefault(); q.focus(); }
    }
  });
  // A link within the view (a contents entry's `#eid`) or Back across one changes only the
  // fragment: the view stays as the reader left it (a large act is not fetched again, its
  // folds not reset) and the unit comes into view.
  window.addEventListener("popstate", () => {
    if (location.pathname + location.search !== routed) return route();
    const el = location.hash && document.getElementById(decoded(location.hash.slice(1)));
    if (el) el.scrollIntoView();
    else window.scrollTo(0, 0);
  });
  route();
});
