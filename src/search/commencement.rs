//! Questions asking for one of a named act's own points: when it takes effect or until when
//! it applies («когда вступает в силу постановление об отчислениях с букмекерских ставок», «с
//! какого числа действует закон о ветеранах», «ломбардтар туралы бұйрық қашан күшіне енеді»,
//! «ardagerler turaly zan qashan kushine enedi»), who controls its execution («кто
//! контролирует исполнение решения о льготном проезде студентов», «… туралы шешімнің
//! орындалуын кім бақылайды»), and what it is adopted under («на основании какого закона …»,
//! «… қандай заңға сәйкес қабылданған»).
//!
//! Nearly every act ends with the same clause («… вводится в действие по истечении десяти
//! календарных дней …», «… күнтізбелік он күн өткен соң қолданысқа енгізіледі»), and nearly
//! every local decision charges someone with its control in the same words («Контроль за
//! исполнением настоящего решения возложить на …») and opens with the acts it is adopted
//! under («В соответствии с …», «… сәйкес»): those words say nothing of whose point answers,
//! and the act's own subject (its first point) says more of the rest of the question. The
//! question's other words name the act as an article lookup's do ([`super::article`]: the
//! kind's word chooses the kind, the subject words the title); the acts whose titles hold the
//! most of them give their own point — the unit naming the act itself («Настоящее
//! постановление», «Осы бұйрық») that commences it, sets its end or charges its control, or
//! its preamble — first, the question's language before the twin. Acts whose titles hold as
//! many of the words come in the order the search's candidates have them (their units hold
//! the words no title does), but for a when-question naming a kind, which the newer answers.
//! When no title holds enough of the words, a local decision the words found (the best
//! candidate that is not itself such a point) gives its point. A question whose words name no
//! act is searched as any other. Only a question with such asking words costs an index
//! look-up.

use super::collect::TopAdjusted;
use super::{article, filters, question, terms};
use crate::analysis::fold::fold;
use crate::index::schema::DOC_UNIT;
use crate::index::Store;
use crate::model::{ActKind, Lang};
use tantivy::query::{BooleanQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

/// Which of an act's own points a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    /// Its clause of taking effect or of ending.
    Clock,
    /// The point charging someone with the control of its execution («Контроль за исполнением
    /// настоящего решения возложить на …», «Осы шешімнің орындалуын бақылау … жүктелсін»).
    Control,
    /// Its preamble, naming the acts it is adopted under («В соответствии с … Закона …»).
    Basis,
}

/// A question asking for one of an act's own points: which, the words naming the act, and
/// the question's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PointAsked {
    /// The point asked for.
    pub point: Point,
    /// The question's words that are neither asking words nor the words asking for the point
    /// (Latin words read as Cyrillic): they name the act.
    pub act_words: String,
    /// Kazakh when the question asks in Kazakh words, Russian otherwise.
    pub lang: Lang,
    /// The place the question names («в алматинской области», «Астана қаласында»), and the
    /// act words that are not its name: the subject of the act asked for.
    pub place: Option<PlaceNamed>,
    /// A day asked of what no kind's word names («с какого дня надбавки …», «… қай күннен
    /// бастап»): only a local decision, whose points are its subject and its own clauses,
    /// answers it with its commencement (a law's provisions set days of their own).
    pub decisions_only: bool,
}

/// A place named among a question's act words ([`crate::model::citation::regions::named_in`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceNamed {
    /// The place's code, as local acts' documents store it (`almaty`, `astana`).
    pub place: &'static str,
    /// The act words without the place's name.
    pub subject_words: String,
}

/// One word of a pattern: any of these folded prefixes.
type Slot = &'static [&'static str];

/// Russian ways of saying that an act takes effect or ends, as runs of folded word prefixes
/// ([`fold`] reads Latin letters as Cyrillic: a question typed in Latin meets them too).
const RUSSIAN: &[&[Slot]] = &[
    // «вступает / вступил / вступление в силу».
    &[&["вступ"], &["в"], &["сил"]],
    // «вводится / введен / введение в действие».
    &[&["ввод", "введ"], &["в"], &["деист"]],
    // «утрачивает силу».
    &[&["утрач"], &["сил"]],
    // «когда начинает действовать», «когда действует».
    &[&["когда"], &["начина"], &["деист"]],
];

/// Russian ways of asking for a day or a period, which ask when an act takes effect only in a
/// question naming an act's kind: «с какого числа действует приказ …», but «до какого числа
/// платить налог» asks a deadline and «срок действия визы» a document's validity.
const RUSSIAN_DAY: &[&[Slot]] = &[
    // «срок действия».
    &[&["срок"], &["деист"]],
    // «с / до какого числа (дня, срока)», «с какой даты».
    &[
        &["с", "до"],
        &["как"],
        &["числ", "дн", "дат", "срок", "момент", "времен"],
    ],
    // «до каких пор», «до когда».
    &[&["до"], &["когда", "каких"]],
];

/// Kazakh ways of saying the same, folded (so typed without Kazakh letters or in Latin too).
const KAZAKH: &[&[Slot]] = &[
    // «күшіне енеді / енді / ену».
    &[&["кушин"], &["ен"]],
    // «қолданысқа енгізіледі / енеді».
    &[&["колданиск"], &["ен"]],
    // «күшін жояды».
    &[&["кушин"], &["жоиа"]],
];

/// Kazakh ways of asking for a day or a period, as [`RUSSIAN_DAY`]: «қай күннен бастап
/// қолданылады … шешім», but «визаның қолданылу мерзімін ұзарту» asks a visa's validity.
const KAZAKH_DAY: &[&[Slot]] = &[
    // «қашаннан бастап», «қай күннен (уақыттан) бастап».
    &[&["кашаннан"], &["бастап"]],
    &[&["каи"], &["кун", "уакит"]],
    // «қашанға дейін», «қай уақытқа дейін».
    &[&["кашана"], &["деиин", "деин"]],
    // «қолданылу (қолданыс) мерзімі».
    &[&["колданил", "колданис"], &["мерзим"]],
];

/// Ways of asking from which day, which ask when an act takes effect even beside no kind's word
/// when a local decision's subject answers the rest («с какого дня надбавки …», «… қай
/// күннен бастап»): [`PointAsked::decisions_only`].
const FROM_DAY: &[&[Slot]] = &[
    // «с какого числа (дня, даты, момента)».
    &[&["с"], &["как"], &["числ", "дн", "дат", "момент"]],
    // «қашаннан бастап», «қай күннен (уақыттан) бастап».
    &[&["кашаннан"], &["бастап"]],
    &[&["каи"], &["кунн", "уакиттан"], &["бастап"]],
];

/// Whether one of `keys` (folded words) is a word of an act's kind or of a document an act
/// approves, in either language ([`crate::model::citation::codes::naming_stems`]): a question
/// asking for a day ([`RUSSIAN_DAY`], [`KAZAKH_DAY`]) asks an act's day only beside one of
/// them.
fn names_a_kind(keys: &[String]) -> bool {
    static KINDS: std::sync::OnceLock<Vec<(String, Vec<String>)>> = std::sync::OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        crate::model::citation::codes::naming_stems(None, |_| true)
            .map(|r| (fold(r.stem), r.not.iter().map(|n| fold(n)).collect()))
            .collect()
    });
    keys.iter().any(|key| {
        kinds.iter().any(|(stem, not)| {
            key.starts_with(stem.as_str()) && !not.iter().any(|n| key.starts_with(n.as_str()))
        })
    })
}

/// Words that name no act in a question: filler around its name («настоящий», «этот»,
/// «новый», «осы», «жаңа»).
const FILLER: &[&str] = &[
    "настоящий",
    "настоящее",
    "настоящая",
    "этот",
    "эта",
    "это",
    "этого",
    "новый",
    "новое",
    "новая",
    "новые",
    "осы",
    "жаңа",
    "жана",
];

/// Prefixes that must be the whole word: prepositions, «қай».
const WHOLE: &[&str] = &["в", "с", "до", "по", "каи"];

/// Whether `key` (a folded word) begins with one of `slot`'s prefixes ([`WHOLE`] ones: is
/// one).
fn fits(key: &str, slot: Slot) -> bool {
    slot.iter().any(|p| {
        if WHOLE.contains(p) {
            key == *p
        } else {
            key.starts_with(p)
        }
    })
}

/// Folded prefixes of the verbs and nouns of taking effect and applying («действует»,
/// «применяется», «қолданылады», «күшіне»): in a question that asks when, they name no act.
const CLOCK: &[&str] = &[
    "деист",
    "примен",
    "вступ",
    "ввод",
    "введ",
    "колданил",
    "колданис",
    "кушин",
    "енгиз",
    "бастап",
    "деин",
];

/// Marks in `taken` the words of every run of `keys` a pattern of `patterns` matches; whether
/// any did.
fn mark(keys: &[String], patterns: &[&[Slot]], taken: &mut [bool]) -> bool {
    let mut any = false;
    for pattern in patterns {
        for start in 0..keys.len() {
            let end = start + pattern.len();
            if end > keys.len() {
                break;
            }
            if pattern
                .iter()
                .zip(&keys[start..end])
                .all(|(slot, key)| fits(key, slot))
            {
                taken[start..end].iter_mut().for_each(|t| *t = true);
                any = true;
            }
        }
    }
    any
}

/// The question `text` asks when an act takes effect or until when it applies, if it asks so:
/// the words naming the act (each Latin word as `read` has it: the word typed, the Cyrillic
/// word searched in its place) and the question's language. `None` for any other text, and
/// for a question whose other words are only asking words.
pub(crate) fn asked(text: &str, read: &[(String, String)]) -> Option<PointAsked> {
    let (words, keys) = words_and_keys(text);
    let mut taken = vec![false; words.len()];
    let mut kazakh = mark(&keys, KAZAKH, &mut taken);
    let mut russian = mark(&keys, RUSSIAN, &mut taken);
    let mut decisions_only = false;
    if names_a_kind(&keys) {
        kazakh |= mark(&keys, KAZAKH_DAY, &mut taken);
        russian |= mark(&keys, RUSSIAN_DAY, &mut taken);
    } else if !kazakh && !russian && mark(&keys, FROM_DAY, &mut taken) {
        decisions_only = true;
        // «қай», «бастап» are Kazakh; «с какого» Russian.
        kazakh = keys.iter().any(|k| k == "бастап");
        russian = !kazakh;
    }
    if !kazakh && !russian {
        return None;
    }
    let act_words = act_words_of(&words, &keys, &taken, read, |_, key| {
        CLOCK.iter().any(|p| key.starts_with(p))
    })?;
    let place = named_place(&act_words);
    Some(PointAsked {
        point: Point::Clock,
        act_words: act_words.join(" "),
        lang: if kazakh { Lang::Kk } else { Lang::Ru },
        place,
        decisions_only,
    })
}

/// A question's words (punctuation around them left out) and their folded lowercase keys.
fn words_and_keys(text: &str) -> (Vec<&str>, Vec<String>) {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let keys: Vec<String> = words
        .iter()
        .map(|w| fold(&crate::text::lowercase(w)))
        .collect();
    (words, keys)
}

/// The words of a question naming the act it asks of: those neither `taken` (the words asking
/// for the point), nor asking words, nor filler, nor `other` (more words of the point), each
/// Latin word as `read` has it (the word typed, the Cyrillic word searched in its place);
/// `None` when none is left.
fn act_words_of(
    words: &[&str],
    keys: &[String],
    taken: &[bool],
    read: &[(String, String)],
    other: impl Fn(&str, &str) -> bool,
) -> Option<Vec<String>> {
    let asking = question::asking_words(words);
    let filler: Vec<String> = FILLER.iter().map(|w| fold(w)).collect();
    let act_words: Vec<String> = words
        .iter()
        .zip(keys)
        .zip(taken.iter().zip(&asking))
        .filter(|((w, key), (t, a))| {
            !**t && !**a && !filler.contains(key) && !other(&crate::text::lowercase(w), key)
        })
        .map(|((w, _), _)| {
            read.iter()
                .find(|(typed, _)| typed.eq_ignore_ascii_case(w))
                .map_or_else(
                    // A Latin word the search left as typed: its Cyrillic skeleton.
                    || {
                        let lower = crate::text::lowercase(w);
                        if lower.chars().any(|c| c.is_ascii_alphabetic()) {
                            fold(&lower)
                        } else {
                            lower
                        }
                    },
                    |(_, r)| r.clone(),
                )
        })
        .collect();
    (!act_words.is_empty()).then_some(act_words)
}

/// Prefixes of the words saying who controls or answers for something: «контроль»,
/// «следит», «отвечает», «бақылайды», «қадағалайды», «жауапты».
const CONTROLS: &[&str] = &[
    "контрол",
    "следит",
    "отвеча",
    "ответствен",
    "курир",
    "бақыла",
    "қадағала",
    "жауапт",
];

/// Prefixes of the words of an act's execution or of charging someone with it:
/// «исполнение», «выполнение», «возложен», «орындалуы», «жүктелген» («исполнительный», of
/// an executive body, is not one).
const EXECUTION: &[&str] = &[
    "исполнени",
    "исполня",
    "выполнени",
    "выполня",
    "возлож",
    "орындал",
    "жүктел",
];

/// The Kazakh prefixes among [`CONTROLS`] and [`EXECUTION`].
const KAZAKH_CONTROL: &[&str] = &["бақыла", "қадағала", "жауапт", "орындал", "жүктел"];

/// Prefixes of the words of the kinds of act that charge someone with their control: a
/// decision, a resolution, an order, a disposition.
const CONTROLLED_KINDS: &[&str] = &[
    "решени",
    "постановлен",
    "приказ",
    "распоряжени",
    "шешім",
    "қаулы",
    "бұйрық",
    "өкім",
];

/// Whether `key` (a folded word) begins with one of `prefixes` folded.
fn begins_with_any(key: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| key.starts_with(fold(p).as_str()))
}

/// The question `text` asks who controls an act's execution, if it asks so: a word of control
/// (or of answering for it) beside a word of execution or of charging with it («кто
/// контролирует исполнение решения о …», «на кого возложен контроль …», «… шешімнің
/// орындалуын кім бақылайды»), or beside the kind of a decision («контроль по решению о …»).
/// Control of anything else («кто контролирует содержание кладбищ», «… сақталуын кім
/// бақылайды») is asked of the provisions that say so, and is not read.
pub(crate) fn control_asked(text: &str, read: &[(String, String)]) -> Option<PointAsked> {
    let (words, keys) = words_and_keys(text);
    let is = begins_with_any;
    let controls = keys.iter().any(|k| is(k, CONTROLS));
    let execution = keys.iter().any(|k| is(k, EXECUTION));
    let of_kind = keys.iter().any(|k| is(k, CONTROLLED_KINDS));
    let with_control = keys.iter().any(|k| is(k, &["контрол", "бақыла"]));
    if !(controls && (execution || (with_control && of_kind))) {
        return None;
    }
    let taken: Vec<bool> = keys
        .iter()
        .map(|k| is(k, CONTROLS) || is(k, EXECUTION))
        .collect();
    let kazakh = keys.iter().any(|k| is(k, KAZAKH_CONTROL));
    let act_words = act_words_of(&words, &keys, &taken, read, |_, _| false)?;
    let place = named_place(&act_words);
    Some(PointAsked {
        point: Point::Control,
        act_words: act_words.join(" "),
        lang: if kazakh { Lang::Kk } else { Lang::Ru },
        place,
        decisions_only: false,
    })
}

/// Prefixes of the words of being adopted under another act: «на основании», «в
/// соответствии», «согласно», «опирается», «негізінде», «негізделген», «сәйкес».
const BASIS: &[&str] = &[
    "основан",
    "соответств",
    "согласно",
    "опира",
    "негіз",
    "сәйкес",
];

/// The Kazakh prefixes among [`BASIS`].
const KAZAKH_BASIS: &[&str] = &["негіз", "сәйкес"];

/// Ways of asking which provision an act is adopted under: «по какой статье (какому закону)»,
/// «қай бабына», «қандай заңға».
const BASIS_ASKED: &[&[Slot]] = &[
    &[
        &["по"],
        &["как"],
        &["стат", "закон", "кодекс", "постановлен", "приказ", "норм"],
    ],
    &[
        &["каи", "кандаи"],
        &["баб", "зан", "кодекс", "каули", "буирик"],
    ],
];

/// Prefixes of the words naming a provision (an article, a point): in a question asking what
/// an act is adopted under, they name the provision it cites, not the act.
const PROVISION: &[&str] = &["стать", "пункт", "подпункт", "бап", "баб", "тармақ"];

/// How near a word that asks stands to a word of being adopted under another act, before it
/// («қандай заңға сәйкес», «на какие законы опирается») or after it («на основании какого»,
/// «в соответствии с каким»), in words.
const ASKED_BEFORE: usize = 3;
const ASKED_AFTER: usize = 2;

/// The question `text` asks what an act is adopted under, if it asks so: a word of being
/// adopted under another act («на основании», «согласно», «сәйкес», «негізінде») with a
/// word that asks beside it, or «по какой статье (какому закону)», «қай бабына». A word that
/// asks elsewhere asks something else of the act the basis word cites («согласно закону о …
/// какие права …»). The kinds the question names other than a decision's are the kinds of the
/// acts it is adopted under, not its own: they and the provisions' words do not name it.
pub(crate) fn basis_asked(text: &str, read: &[(String, String)]) -> Option<PointAsked> {
    let (words, keys) = words_and_keys(text);
    let is = begins_with_any;
    let mut taken: Vec<bool> = keys.iter().map(|k| is(k, BASIS)).collect();
    let asking = question::asking_words(&words);
    let said = taken.iter().enumerate().any(|(i, basis)| {
        *basis
            && asking[i.saturating_sub(ASKED_BEFORE)..(i + 1 + ASKED_AFTER).min(asking.len())]
                .contains(&true)
    });
    let patterned = mark(&keys, BASIS_ASKED, &mut taken);
    if !said && !patterned {
        return None;
    }
    let kazakh = keys
        .iter()
        .any(|k| is(k, KAZAKH_BASIS) || k == "каи" || k == "кандаи");
    let act_words = act_words_of(&words, &keys, &taken, read, |lower, key| {
        is(key, PROVISION)
            || article::kinds_named(lower)
                .iter()
                .any(|k| *k != ActKind::Decision)
    })?;
    let place = named_place(&act_words);
    Some(PointAsked {
        point: Point::Basis,
        act_words: act_words.join(" "),
        lang: if kazakh { Lang::Kk } else { Lang::Ru },
        place,
        decisions_only: false,
    })
}

/// The point `text` asks of an act, if it asks one: when it takes effect ([`asked`]), who
/// controls it ([`control_asked`]), what it is adopted under ([`basis_asked`]).
pub(crate) fn point_asked(text: &str, read: &[(String, String)]) -> Option<PointAsked> {
    asked(text, read)
        .or_else(|| control_asked(text, read))
        .or_else(|| basis_asked(text, read))
}

/// Whether a unit's text is an act's own point charging someone with the control of its
/// execution: «2. Контроль за исполнением настоящего решения возложить на …», «Осы шешімнің
/// орындалуын бақылау … жүктелсін», «… бақылауды өзіме қалдырамын».
pub(crate) fn is_own_control(text: &str) -> bool {
    static OWN_CONTROL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)^(?:[0-9]+\\?[.)]\s*)?(?:контроль\s+[зэ]а\s+(?:исполнением|выполнением)\s+(?:настоя[щш]\w*|данного|этого)\s+(?:решени|постановлени|приказ|распоряжени)|(?:осы|бұл)\s+(?:шешім|қаулы|бұйрық|өкім)\w*\s+(?:орындал|атқарыл)\w*\s+бақыла)",
        )
        .expect("static regex")
    });
    let folded = crate::text::fold_lookalikes(text);
    OWN_CONTROL.is_match(folded.trim_start())
}

/// The place `act_words` name, with the words left when its name is taken out; `None` when
/// they name none, or nothing but the place.
fn named_place(act_words: &[String]) -> Option<PlaceNamed> {
    let (region, named) = crate::model::citation::regions::named_in(&act_words.join(" "), fold)?;
    let named: Vec<String> = named.iter().map(|w| crate::text::lowercase(w)).collect();
    let at = act_words.windows(named.len()).position(|run| {
        run.iter()
            .map(|w| crate::text::lowercase(w))
            .eq(named.iter().cloned())
    })?;
    // The preposition before the name («в алматинской области») goes with it.
    let from = match at.checked_sub(1).map(|i| act_words[i].as_str()) {
        Some("в" | "во" | "по") => at - 1,
        _ => at,
    };
    let subject: Vec<&str> = act_words
        .iter()
        .enumerate()
        .filter(|(i, _)| !(from..at + named.len()).contains(i))
        .map(|(_, w)| w.as_str())
        .collect();
    (!subject.is_empty()).then(|| PlaceNamed {
        place: region.place(),
        subject_words: subject.join(" "),
    })
}

/// Acts whose titles are compared with the question's words.
const ACTS_CONSIDERED: usize = 5;
/// Most acts whose clauses come first (titles holding as many of the words).
const ACTS_ANSWERING: usize = 3;
/// Units of one act read to find its own clauses of taking effect and ending.
const CLAUSES_READ: usize = 40;

/// The words a commencement or an end is written in, in both languages: the units of an act
/// holding them are read for its own clause.
const CLOCK_WORDS_RU: &str = "вводится действие вступает силу действует утрачивает";
const CLOCK_WORDS_KK: &str = "қолданысқа енгізіледі күшіне енеді қолданылады жояды";

/// The units answering `asked` within `filters`: the own points asked (the clauses of taking
/// effect and ending, [`crate::structure::effective::is_own_clock`]; the control point,
/// [`is_own_control`]; the preamble) of the acts whose titles hold the most of its act words
/// — at least half of them — of the kind its words name when one has such a point (of any
/// kind otherwise; only decisions for [`PointAsked::decisions_only`]), best title first, the
/// question's language before the twin. When no act's title holds enough of them, the point
/// of the local decision the words found among `top`, the search's candidates
/// ([`point_of_found`]); else empty.
///
/// A question naming a place («… в алматинской области») asks for an act of that place: every
/// title of the place's acts holds the place's name, so the acts of the place are compared by
/// the other words alone, the subject's. When no act of the place answers so (the index holds
/// none, or none on that subject), the acts of any place are compared by all the words.
pub(crate) fn units(
    index: &Store,
    searcher: &Searcher,
    asked: &PointAsked,
    filters: &[(Occur, Box<dyn TQuery>)],
    top: &[(f32, DocAddress)],
) -> crate::Result<Vec<DocAddress>> {
    if let Some(named) = &asked.place {
        let of_place = filters::raw_term(index.fields().place, named.place);
        let found = answer(
            index,
            searcher,
            asked,
            &named.subject_words,
            Some(of_place),
            filters,
        )?;
        if !found.is_empty() {
            return in_order_found(index, searcher, asked, found, top);
        }
    }
    let found = answer(index, searcher, asked, &asked.act_words, None, filters)?;
    if !found.is_empty() {
        return in_order_found(index, searcher, asked, found, top);
    }
    point_of_found(index, searcher, asked, filters, top)
}

/// `found` (the points of acts whose titles hold as many of the words), the acts in the order
/// the search's candidates `top` have them: the words the titles do not hold («в
/// талдыкоргане», «психологам») are in the acts' units. A when-question naming a kind keeps
/// its order: of two acts of one subject, the newer answers it.
fn in_order_found(
    index: &Store,
    searcher: &Searcher,
    asked: &PointAsked,
    found: Vec<DocAddress>,
    top: &[(f32, DocAddress)],
) -> crate::Result<Vec<DocAddress>> {
    if asked.point == Point::Clock && !asked.decisions_only {
        return Ok(found);
    }
    let f = index.fields();
    let act_of = |doc: DocAddress| -> crate::Result<String> {
        Ok(crate::index::stored::fetch(index, searcher, doc)?
            .str(f.act_id)
            .to_string())
    };
    let mut acts: Vec<String> = Vec::new();
    for doc in &found {
        let id = act_of(*doc)?;
        if !acts.contains(&id) {
            acts.push(id);
        }
    }
    if acts.len() < 2 {
        return Ok(found);
    }
    let ranked = acts_found(index, searcher, asked, top)?;
    let mut keyed: Vec<(usize, DocAddress)> = Vec::with_capacity(found.len());
    for doc in found {
        let id = act_of(doc)?;
        keyed.push((
            ranked.iter().position(|a| *a == id).unwrap_or(ranked.len()),
            doc,
        ));
    }
    keyed.sort_by_key(|(rank, _)| *rank);
    Ok(keyed.into_iter().map(|(_, d)| d).collect())
}

/// The acts of the best of `top` (the search's candidates, best first), in order, leaving out
/// the candidates that are themselves the point `asked` (those share the point's words with
/// every act, not the subject's).
fn acts_found(
    index: &Store,
    searcher: &Searcher,
    asked: &PointAsked,
    top: &[(f32, DocAddress)],
) -> crate::Result<Vec<String>> {
    let f = index.fields();
    let mut acts: Vec<String> = Vec::new();
    for (_, doc) in top.iter().take(FOUND_READ) {
        let stored = crate::index::stored::fetch(index, searcher, *doc)?;
        let id = stored.str(f.act_id);
        if !is_stored_point(index, asked.point, &stored) && !acts.iter().any(|a| a == id) {
            acts.push(id.to_string());
        }
    }
    Ok(acts)
}

/// [`units`] for the acts `act_words` name, of those `within` matches when given.
fn answer(
    index: &Store,
    searcher: &Searcher,
    asked: &PointAsked,
    act_words: &str,
    within: Option<Box<dyn TQuery>>,
    filters: &[(Occur, Box<dyn TQuery>)],
) -> crate::Result<Vec<DocAddress>> {
    let f = index.fields();
    // A year names the act's date, not its title («закон об амнистии 2022 года»).
    let (year, act_words) = year_named(act_words);
    let act_words = act_words.as_str();
    let (kinds, title_words) = article::act_name(index, act_words);
    // The words compared in the question's language's stems, folded (a question typed without
    // Kazakh letters meets the title), as an article lookup compares; those nearly every
    // title or no title has («туралы», «маслихата») left out, and the kind's word.
    let stems = |text: &str| article::title_stems(text, asked.lang);
    let generic: Vec<String> = GENERIC.iter().flat_map(|g| stems(g)).collect();
    let named: Vec<&str> = act_words
        .split_whitespace()
        .filter(|w| article::kinds_named(w).is_empty())
        .collect();
    let wanted: Vec<String> = stems(&named.join(" "))
        .into_iter()
        .filter(|w| !generic.contains(w))
        .collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    // The title's stems and its folded words (typed without Kazakh letters, they meet these).
    let ids = article::acts_by_title(
        index,
        searcher,
        &title_words,
        &[f.title_stem, f.title_loose],
        within,
        ACTS_CONSIDERED,
    )?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // The units of `id` (of `kinds`) that are its own point asked, the question's language
    // first, how many of the words its titles hold, and its day.
    let own_clauses = |id: &str, kinds: &[ActKind]| -> crate::Result<Found> {
        let mut own: Vec<(bool, DocAddress)> = Vec::new();
        let (mut shared, mut adopted, mut amends) = (0, None, false);
        let mut subject: Vec<String> = Vec::new();
        for (doc, stored) in point_candidates(index, searcher, asked.point, id, kinds, filters)? {
            let title = stems(stored.str(f.act_title));
            shared = shared.max(wanted.iter().filter(|w| title.contains(w)).count());
            amends |= article::amends_others(stored.str(f.act_title));
            if subject.is_empty() && stored.str(f.lang) == asked.lang.as_str() {
                subject = title
                    .iter()
                    .filter(|t| {
                        !t.chars().all(|c| c.is_ascii_digit()) && !YEAR_WORDS.contains(&t.as_str())
                    })
                    .cloned()
                    .collect();
            }
            adopted = adopted.or(stored
                .date(f.act_date)
                .and_then(crate::index::schema::from_tantivy_date));
            if is_point(asked.point, stored.str(f.text)) {
                own.push((stored.str(f.lang) != asked.lang.as_str(), doc));
            }
        }
        // The question's language first; within it, the order the point's words scored.
        own.sort_by_key(|(other, _)| *other);
        Ok(Found {
            clauses: own.into_iter().map(|(_, d)| d).collect(),
            shared,
            adopted,
            amends,
            subject,
        })
    };
    let mut passes: Vec<&[ActKind]> = vec![&[]];
    if asked.decisions_only {
        passes = vec![&[ActKind::Decision]];
    } else if !kinds.is_empty() {
        passes.insert(0, kinds.as_slice());
    }
    for kinds in passes {
        let mut found: Vec<Found> = Vec::new();
        for id in &ids {
            let clauses = own_clauses(id, kinds)?;
            if !clauses.clauses.is_empty() {
                found.push(clauses);
            }
        }
        // The acts of the year named, when one is of it.
        let of_year = |d: &Option<chrono::NaiveDate>| d.map(|d| chrono::Datelike::year(&d));
        if year.is_some() && found.iter().any(|a| of_year(&a.adopted) == year) {
            found.retain(|a| of_year(&a.adopted) == year);
        }
        let Some(most) = found.iter().map(|a| a.shared).max() else {
            continue;
        };
        // A title sharing fewer than half the words names another act than the one asked.
        if most == 0 || most * 2 < wanted.len() {
            return Ok(Vec::new());
        }
        let mut found: Vec<Found> = found.into_iter().filter(|a| a.shared == most).collect();
        newest_of_one_subject_first(&mut found);
        return Ok(found
            .into_iter()
            .take(ACTS_ANSWERING)
            .flat_map(|a| a.clauses)
            .collect());
    }
    Ok(Vec::new())
}

/// The words each point is written in, in both languages (`ru_stem` and `kk_stem`): the units
/// of an act holding them are read for its own point. A preamble is found by its place.
fn point_words(point: Point) -> Option<(&'static str, &'static str)> {
    match point {
        Point::Clock => Some((CLOCK_WORDS_RU, CLOCK_WORDS_KK)),
        Point::Control => Some(("контроль исполнением", "бақылау орындалуын")),
        Point::Basis => None,
    }
}

/// Whether a unit's `text` is an act's own `point` (a preamble is one by its place alone).
fn is_point(point: Point, text: &str) -> bool {
    match point {
        Point::Clock => crate::structure::effective::is_own_clock(text),
        Point::Control => is_own_control(text),
        Point::Basis => true,
    }
}

/// Whether a unit as stored is an act's own `point` (a preamble by its eid).
fn is_stored_point(index: &Store, point: Point, stored: &crate::index::stored::StoredDoc) -> bool {
    let f = index.fields();
    match point {
        Point::Basis => stored.str(f.eid) == "preamble",
        other => is_point(other, stored.str(f.text)),
    }
}

/// The units of act `id` (of `kinds` when any) within `filters` that may be its own `point`,
/// with what they store, in the order the point's words score them: those holding its words,
/// or its preamble.
fn point_candidates(
    index: &Store,
    searcher: &Searcher,
    point: Point,
    id: &str,
    kinds: &[ActKind],
    filters: &[(Occur, Box<dyn TQuery>)],
) -> crate::Result<Vec<(DocAddress, crate::index::stored::StoredDoc)>> {
    let f = index.fields();
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![
        (Occur::Must, filters::raw_term(f.doc_type, DOC_UNIT)),
        (Occur::Must, filters::raw_term(f.act_id, id)),
    ];
    match point_words(point) {
        Some((ru, kk)) => {
            let words: Vec<(Occur, Box<dyn TQuery>)> = terms::analyze_field(index, f.ru_stem, ru)
                .into_iter()
                .map(|(_, w)| Term::from_field_text(f.ru_stem, &w))
                .chain(
                    // A Kazakh word's `kk_stem` terms are its stem and form together.
                    terms::analyze_field(index, f.kk_exact, kk)
                        .into_iter()
                        .flat_map(|(_, w)| crate::analysis::form_terms(&w))
                        .map(|form| Term::from_field_text(f.kk_stem, &form)),
                )
                .map(|t| {
                    let q: Box<dyn TQuery> =
                        Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                    (Occur::Should, q)
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(words))));
        }
        None => clauses.push((Occur::Must, filters::raw_term(f.eid, "preamble"))),
    }
    if !kinds.is_empty() {
        clauses.push((Occur::Must, any_kind(f.act_kind, kinds)));
    }
    clauses.extend(filters.iter().map(|(o, q)| (*o, q.box_clone())));
    searcher
        .search(
            &BooleanQuery::new(clauses),
            &TopAdjusted::plain(CLAUSES_READ),
        )?
        .0
        .into_iter()
        .map(|(_, doc)| -> crate::Result<_> {
            Ok((doc, crate::index::stored::fetch(index, searcher, doc)?))
        })
        .collect()
}

/// Candidates read for the local decision the words found, when no title names the act.
const FOUND_READ: usize = 10;

/// The own point `asked` of the local decision the question's words found: the act of the
/// best of `top` (the search's candidates, best first) that is not itself such a point
/// (those share the point's words with every act), when it is a decision; the question's
/// language first. Empty otherwise.
fn point_of_found(
    index: &Store,
    searcher: &Searcher,
    asked: &PointAsked,
    filters: &[(Occur, Box<dyn TQuery>)],
    top: &[(f32, DocAddress)],
) -> crate::Result<Vec<DocAddress>> {
    let f = index.fields();
    for (_, doc) in top.iter().take(FOUND_READ) {
        let stored = crate::index::stored::fetch(index, searcher, *doc)?;
        if is_stored_point(index, asked.point, &stored) {
            continue;
        }
        if stored.str(f.act_kind) != ActKind::Decision.as_str() {
            return Ok(Vec::new());
        }
        let id = stored.str(f.act_id).to_string();
        let mut own: Vec<(bool, DocAddress)> =
            point_candidates(index, searcher, asked.point, &id, &[], filters)?
                .into_iter()
                .filter(|(_, s)| is_point(asked.point, s.str(f.text)))
                .map(|(d, s)| (s.str(f.lang) != asked.lang.as_str(), d))
                .collect();
        own.sort_by_key(|(other, _)| *other);
        return Ok(own.into_iter().map(|(_, d)| d).collect());
    }
    Ok(Vec::new())
}

/// An act answering a when-question: its own clauses, how many of the words its titles hold,
/// the day it was adopted, whether its title says it amends other acts, and its title's stems
/// without years (its subject).
struct Found {
    clauses: Vec<DocAddress>,
    shared: usize,
    adopted: Option<chrono::NaiveDate>,
    amends: bool,
    subject: Vec<String>,
}

/// The folded stems of the words that say a number is a year («в 2022 году», «2022 жылы»): a
/// title's words that date its act, and the word after a year a question names
/// ([`year_named`], which takes «г.» too).
const YEAR_WORDS: &[&str] = &["год", "жил"];

/// How alike two subjects must be (shared stems over all) to be one subject.
const ONE_SUBJECT: f32 = 0.75;

/// Puts first, of acts whose titles hold as many of a question's words (best title first), the
/// newest act of the first one's subject: a place's decision on a subject is followed by the
/// next year's under the same title, and a question naming no year asks of the one in force
/// now. Acts on other subjects keep their order; an act amending others is never moved up.
fn newest_of_one_subject_first(found: &mut [Found]) {
    let Some(first) = found.first() else {
        return;
    };
    let alike = |a: &Found| {
        let shared = a
            .subject
            .iter()
            .filter(|s| first.subject.contains(s))
            .count();
        let all = a.subject.len() + first.subject.len() - shared;
        all > 0 && shared as f32 >= ONE_SUBJECT * all as f32
    };
    let newest = found
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.amends && alike(a))
        .max_by_key(|(i, a)| (a.adopted, std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    if let Some(i) = newest {
        found[..=i].rotate_right(1);
    }
}

/// The year `act_words` name (`2022`, with the word after it that says so: «года», «жылғы»,
/// «г.»), and the other words.
fn year_named(act_words: &str) -> (Option<i32>, String) {
    let words: Vec<&str> = act_words.split_whitespace().collect();
    let at = words.iter().position(|w| {
        w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && w.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y))
    });
    let Some(at) = at else {
        return (None, act_words.to_string());
    };
    let says_year = |w: &str| {
        let key = fold(&crate::text::lowercase(w));
        key == "г" || YEAR_WORDS.iter().any(|y| key.starts_with(y))
    };
    let end = if words.get(at + 1).is_some_and(|w| says_year(w)) {
        at + 2
    } else {
        at + 1
    };
    let rest: Vec<&str> = words[..at].iter().chain(&words[end..]).copied().collect();
    (words[at].parse().ok(), rest.join(" "))
}

/// Words of a title that tell no act from another (nearly every title has them) or that no
/// title has (the issuer's name in a question): not counted among the words an act's title
/// must share.
const GENERIC: [&str; 2] = [
    article::TITLE_WORDS_OF_ANY_ACT,
    "зан для маслихата маслихат мәслихатының мәслихат акимата әкімдігінің министра \
     министрінің правительства үкіметінің",
];

/// A query for documents of any of `kinds`.
fn any_kind(field: tantivy::schema::Field, kinds: &[ActKind]) -> Box<dyn TQuery> {
    Box::new(BooleanQuery::new(
        kinds
            .iter()
            .map(|k| (Occur::Should, filters::raw_term(field, k.as_str())))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::asked;
    use crate::model::Lang;

    #[test]
    fn an_acts_own_clause_of_taking_effect_or_ending() {
        use crate::structure::effective::is_own_clock;
        assert!(is_own_clock(
            "3. Настоящее постановление вводится в действие по истечении десяти календарных дней"
        ));
        assert!(is_own_clock(
            "Осы шешім 2026 жылғы 31 желтоқсанға дейін қолданылады."
        ));
        assert!(is_own_clock(
            "2. Настоящее решение действует до 31 декабря 2026 года."
        ));
        // Another act's commencement, printed in a note.
        assert!(!is_own_clock(
            "Закон вводится в действие с 1 января 2005 г."
        ));
    }

    /// A place's name is not the act's subject; a question naming no place, or only a place,
    /// has none to compare by.
    #[test]
    fn the_place_named_and_the_subject_left() {
        let place = |q: &str| {
            asked(q, &[])
                .and_then(|a| a.place)
                .map(|p| (p.place, p.subject_words))
        };
        assert_eq!(
            place("когда вступают в силу правила эвакуации машин в алматинской области"),
            Some(("almaty", "правила эвакуации машин".to_string()))
        );
        assert_eq!(
            place("алматы облысында үй жануарларын серуендету қағидалары қашан күшіне енеді"),
            Some(("almaty", "үй жануарларын серуендету қағидалары".to_string()))
        );
        assert_eq!(
            place("когда вводится в действие решение о жилищной помощи в астане"),
            Some(("astana", "решение о жилищной помощи".to_string()))
        );
        assert_eq!(place("когда вступает в силу закон о ветеранах"), None);
        assert_eq!(place("что вступает в силу в алматинской области"), None);
    }

    /// A kind's word or a document's, in any form, in either language, by the one table of
    /// them: not a longer word that starts like one («указанный», «законодательство»,
    /// «заңнама»).
    #[test]
    fn the_words_naming_a_kind_of_act() {
        let named = |w: &str| super::names_a_kind(&[super::fold(&crate::text::lowercase(w))]);
        for w in [
            "закона",
            "постановлением",
            "правила",
            "положения",
            "инструкции",
            "бұйрығы",
            "жарлығы",
            "өкімі",
            "қағидалары",
            "ережесі",
            "нұсқаулық",
        ] {
            assert!(named(w), "{w}");
        }
        for w in [
            "указанный",
            "законодательство",
            "заңнама",
            "заңгер",
            "ставках",
        ] {
            assert!(!named(w), "{w}");
        }
    }

    /// A year names the act's date: it and the word saying so leave the title's words.
    #[test]
    fn a_year_named_is_the_acts_date() {
        use super::year_named;
        assert_eq!(
            year_named("закон об амнистии 2022 года"),
            (Some(2022), "закон об амнистии".to_string())
        );
        assert_eq!(
            year_named("2022 жылғы рақымшылық жасау туралы заң"),
            (Some(2022), "рақымшылық жасау туралы заң".to_string())
        );
        assert_eq!(
            year_named("приказ 533 о ставках"),
            (None, "приказ 533 о ставках".to_string())
        );
    }

    #[test]
    fn the_ways_of_asking_and_the_words_left_to_name_the_act() {
        let a = |q: &str| asked(q, &[]).map(|a| (a.act_words, a.lang));
        let some = |w: &str, l: Lang| Some((w.to_string(), l));
        assert_eq!(
            a("когда вводится в действие постановление об отчислениях с букмекерских ставок"),
            some(
                "постановление об отчислениях с букмекерских ставок",
                Lang::Ru
            )
        );
        assert_eq!(
            a("с какого числа действует приказ о ставках нотариусов?"),
            some("приказ о ставках нотариусов", Lang::Ru)
        );
        assert_eq!(
            a("срок действия решения маслихата о тарифах на вывоз мусора"),
            some("решения маслихата о тарифах на вывоз мусора", Lang::Ru)
        );
        assert_eq!(
            a("ломбардтар туралы бұйрық қашан күшіне енеді"),
            some("ломбардтар туралы бұйрық", Lang::Kk)
        );
        assert_eq!(
            a("су пайдалану қағидалары қашаннан бастап қолданысқа енгізіледі"),
            some("су пайдалану қағидалары", Lang::Kk)
        );
        assert_eq!(
            a("бейбит жиналыстар туралы зан кашан кушине енеди"),
            some("бейбит жиналыстар туралы зан", Lang::Kk)
        );
        assert_eq!(
            a("ardagerler turaly zan qashan kushine enedi"),
            some("ардагерлер турали зан", Lang::Kk)
        );
        assert_eq!(
            a("qashanga deiin qoldanylady shyrshy turaly sheshim"),
            some("ширши турали шешим", Lang::Kk)
        );
        // The Latin words as the search read them.
        let read = [("zakon".to_string(), "закон".to_string())];
        assert_eq!(
            asked("kogda vstupaet v silu zakon", &read).map(|a| a.act_words),
            Some("закон".to_string())
        );
        // Not such a question, or nothing left to name an act.
        assert_eq!(a("в силу закона собственник отвечает"), None);
        assert_eq!(a("когда вступает в силу"), None);
        assert_eq!(a("қашан күшіне енеді"), None);
        assert_eq!(a("паспорт алу үшін қандай құжаттар керек"), None);
        // A day or a period asked of something that is not an act: a deadline, a document's
        // validity.
        assert_eq!(a("визаның қолданылу мерзімін ұзарту"), None);
        assert_eq!(a("до какого числа платить налог на транспорт"), None);
        assert_eq!(a("срок действия разрешения на работу"), None);
    }

    /// «From which day» asked beside no kind's word is read, of local decisions only; «until
    /// which day» beside none is a deadline, not read.
    #[test]
    fn a_day_asked_with_no_kind_word() {
        let a = |q: &str| asked(q, &[]).map(|a| (a.act_words, a.lang, a.decisions_only));
        assert_eq!(
            a("с какого дня студенты талдыкоргана ездят за полцены"),
            Some((
                "студенты талдыкоргана ездят за полцены".to_string(),
                Lang::Ru,
                true
            ))
        );
        assert_eq!(
            a("жәрдемақы қай күннен бастап төленеді"),
            Some(("жәрдемақы төленеді".to_string(), Lang::Kk, true))
        );
        assert_eq!(
            a("надбавки қашаннан бастап"),
            Some(("надбавки".to_string(), Lang::Kk, true))
        );
        // A kind's word named: any act's clause, as before.
        assert_eq!(
            a("с какого числа действует приказ о ставках нотариусов"),
            Some(("приказ о ставках нотариусов".to_string(), Lang::Ru, false))
        );
        assert_eq!(
            a("до какого числа надо отремонтировать тепловые сети"),
            None
        );
        assert_eq!(
            a("жылу желілерін жөндеу қай уақытқа дейін жүргізіледі"),
            None
        );
    }

    /// Who controls an act's execution: a word of control beside one of execution or of a
    /// decision's kind; control of anything else is not read.
    #[test]
    fn control_of_an_acts_execution_asked() {
        use super::{control_asked, Point};
        let a = |q: &str| control_asked(q, &[]).map(|a| (a.point, a.act_words, a.lang));
        assert_eq!(
            a("кто контролирует исполнение решения о льготном проезде студентов"),
            Some((
                Point::Control,
                "решения о льготном проезде студентов".to_string(),
                Lang::Ru
            ))
        );
        assert_eq!(
            a("на кого возложен контроль по решению о правилах погребения"),
            Some((
                Point::Control,
                "на по решению о правилах погребения".to_string(),
                Lang::Ru
            ))
        );
        assert_eq!(
            a("үй жануарлары туралы шешімнің орындалуын кім бақылайды"),
            Some((
                Point::Control,
                "үй жануарлары туралы шешімнің".to_string(),
                Lang::Kk
            ))
        );
        assert_eq!(
            a("жерлеу кагидалары туралы шешимнин орындалуына ким жауапты"),
            Some((
                Point::Control,
                "жерлеу кагидалары туралы шешимнин".to_string(),
                Lang::Kk
            ))
        );
        assert_eq!(a("кто осуществляет контроль за содержанием кладбищ"), None);
        assert_eq!(
            a("зираттарды күтіп ұстау шартының сақталуын кім бақылайды"),
            None
        );
        assert_eq!(a("кто исполняет решение суда"), None);
        assert_eq!(a("исполнительными единиц контролирует"), None);
    }

    /// What an act is adopted under: the kinds named are those of the acts it cites, and with
    /// the provisions' words they do not name it.
    #[test]
    fn the_basis_of_an_act_asked() {
        use super::{basis_asked, Point};
        let a = |q: &str| basis_asked(q, &[]).map(|a| (a.point, a.act_words, a.lang));
        assert_eq!(
            a("на основании какого закона маслихат дал льготный проезд студентам"),
            Some((
                Point::Basis,
                "на маслихат дал льготный проезд студентам".to_string(),
                Lang::Ru
            ))
        );
        assert_eq!(
            a("по какой статье водного кодекса утверждены правила водопользования"),
            Some((
                Point::Basis,
                "водного утверждены правила водопользования".to_string(),
                Lang::Ru
            ))
        );
        assert_eq!(
            a("тұрғын үй көмегі туралы шешім қай үкімет қаулысына сәйкес қабылданған"),
            Some((
                Point::Basis,
                "тұрғын үй көмегі туралы шешім үкімет қабылданған".to_string(),
                Lang::Kk
            ))
        );
        // Said, not asked; asked, but of what the act cited says; nothing asking for a basis.
        assert_eq!(a("в соответствии с законом о языках"), None);
        assert_eq!(
            a("согласно закону о противодействии торговле людьми какие права есть у жертвы"),
            None
        );
        assert_eq!(a("какие документы нужны для пособия"), None);
    }

    /// An act's own control point, in both languages, numbered or not, with the texts' slips
    /// («настояшего», Latin «i»); another body's control, or a Rules' provision, is not one.
    #[test]
    fn an_acts_own_control_point() {
        use super::is_own_control;
        for own in [
            "2. Контроль за исполнением настоящего решения возложить на курирующего заместителя акима области.",
            "3. Контроль за исполнением настояшего решения возложить на «Постоянную комиссию …».",
            "2\\. Контроль за исполнением данного решения возложить на государственное учреждение",
            "2. Осы шешімнің орындалуын бақылау облыс әкімінің жетекшілік ететін орынбасарына жүктелсін.",
            "4. Осы шешiмнiң атқарылуын бақылау облыс әкiмiнiң орынбасарына жүктелсін.",
            "Контроль за исполнением настоящего приказа возложить на курирующего вице-министра.",
        ] {
            assert!(is_own_control(own), "{own}");
        }
        for other in [
            "4. Акимат района осуществляет контроль за соблюдением условий по погребению",
            "Глава 7. Порядок заключения договора и осуществления контроля за соблюдением его условий",
            "7) мемлекеттік ветеринариялық-санитариялық бақылау және қадағалау нәтижелері бойынша",
        ] {
            assert!(!is_own_control(other), "{other}");
        }
    }
}
