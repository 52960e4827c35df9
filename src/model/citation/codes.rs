//! The official database's codes for the form of an act (meta.yaml `form`, `type_codes`) and
//! for the body that adopted it (`approved_by`), with the words a citation in official form
//! uses for each, in Kazakh and in Russian.
//!
//! The rows come from the database's own metadata (the meta.yaml files of the public mirror:
//! `ЗАК`, `КЗАК`, `КОД`, `ПРИК`, `РЕШ` …; `101000000000` the President, `101001000000` the
//! Presidential Administration, `102000000000` Parliament, `103001000000` the Ministry of
//! Justice, `150000000002` and `154000000002` the maslikhats of Astana and of the Almaty oblast,
//! `154000000003` the akim of the Almaty oblast), and the citation words from the way the
//! database's own notes cite acts (`ҚР Сыртқы істер министрінің 23.11.2022 № 11-1-4/628
//! бұйрығымен`, `приказом Министра иностранных дел РК от 23.11.2022 № 11-1-4/628`).
//!
//! An issuer is also recognised from the words that name it in a requisite or a header, in
//! either language (`Руководителя Администрации Президента Республики Казахстан`,
//! `Қазақстан Республикасы Президенті Кеңсесі бастығының`): one row, one slug, whatever the
//! source. A body whose name depends on the place (a maslikhat, an akim) has generic words
//! only: the place comes from the act's own requisite or text, never from this table.

use crate::model::ActKind;

/// A form of act: its codes in the database and the words that name it in a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    /// The database's codes for it (`ПРИК`), and the short codes older exports use.
    pub codes: &'static [&'static str],
    /// The kind of act.
    pub kind: ActKind,
    /// The word that ends a Kazakh citation (`бұйрығы`: `… № 1 бұйрығы`).
    pub kk: &'static str,
    /// The word that opens a Russian citation (`Приказ`: `Приказ … от … № 1`).
    pub ru: &'static str,
}

/// Every form zanlex cites, in the order `type_codes` are searched for one.
pub const FORMS: [Form; 10] = [
    Form {
        codes: &["КЗАК", "КЗ"],
        kind: ActKind::ConstitutionalLaw,
        kk: "Конституциялық Заңы",
        ru: "Конституционный закон",
    },
    Form {
        codes: &["ЗАК", "З"],
        kind: ActKind::Law,
        kk: "Заңы",
        ru: "Закон",
    },
    Form {
        codes: &["КОД", "К"],
        kind: ActKind::Code,
        kk: "Кодексі",
        ru: "Кодекс",
    },
    Form {
        codes: &["УКАЗ", "УК"],
        kind: ActKind::Decree,
        kk: "Жарлығы",
        ru: "Указ",
    },
    Form {
        codes: &["ПОСТ", "ПП"],
        kind: ActKind::Resolution,
        kk: "қаулысы",
        ru: "Постановление",
    },
    Form {
        codes: &["СПРИК", "СП"],
        kind: ActKind::JointOrder,
        kk: "бірлескен бұйрығы",
        ru: "Совместный приказ",
    },
    Form {
        codes: &["ПРИК", "ПР"],
        kind: ActKind::Order,
        kk: "бұйрығы",
        ru: "Приказ",
    },
    Form {
        codes: &["СРЕШ"],
        kind: ActKind::JointOrder,
        kk: "бірлескен шешімі",
        ru: "Совместное решение",
    },
    Form {
        codes: &["РЕШ"],
        kind: ActKind::Decision,
        kk: "шешімі",
        ru: "Решение",
    },
    Form {
        codes: &["РАСП"],
        kind: ActKind::Disposition,
        kk: "өкімі",
        ru: "Распоряжение",
    },
];

/// What a word of running text names when it starts with a [`KindStem`]'s stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KindWord {
    /// A kind of act by itself: `приказом`, `бұйрығымен`, `Закона`, `қаулысына`.
    Kind(ActKind),
    /// A word that names the kind with the noun after it: `совместный` (приказ),
    /// `конституционный` (закон), `нормативное` (постановление), `бірлескен` (бұйрық),
    /// `конституциялық` (заң).
    Modifier(ActKind),
    /// The Constitution (`Конституции`, `Конституциясының`): named, though no kind of act
    /// zanlex files acts under.
    Constitution,
}

/// A stem that names a kind of act in any case form, in Kazakh or Russian, and the longer
/// words that start with it and name none (`законодательство`, `заңнама`, `указанный`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KindStem {
    /// The language of the stem.
    pub lang: crate::model::Lang,
    /// The stem, lowercase (`приказ`, `бұйры`).
    pub stem: &'static str,
    /// Words starting with the stem that are no kind word.
    pub not: &'static [&'static str],
    /// What the word names.
    pub names: KindWord,
}

/// Every stem that names a kind of act, in the order they are tried: a stem that starts
/// another comes after it (`конституционн` before `конституци`). The one list of the kind
/// words of running text; the citation words of each form are [`FORMS`].
pub(crate) const KIND_STEMS: [KindStem; 22] = {
    use crate::model::Lang::{Kk, Ru};
    use ActKind as K;
    use KindWord::{Constitution, Kind, Modifier};
    const fn row(
        lang: crate::model::Lang,
        stem: &'static str,
        not: &'static [&'static str],
        names: KindWord,
    ) -> KindStem {
        KindStem {
            lang,
            stem,
            not,
            names,
        }
    }
    [
        row(Ru, "совместн", &[], Modifier(K::JointOrder)),
        row(Ru, "конституционн", &[], Modifier(K::ConstitutionalLaw)),
        row(Ru, "конституци", &[], Constitution),
        row(Ru, "закон", &["законодат", "законн"], Kind(K::Law)),
        row(Ru, "кодекс", &[], Kind(K::Code)),
        row(Ru, "указ", &["указан"], Kind(K::Decree)),
        row(Ru, "нормативн", &[], Modifier(K::Resolution)),
        row(Ru, "постановлени", &[], Kind(K::Resolution)),
        row(Ru, "приказ", &[], Kind(K::Order)),
        row(Ru, "решени", &[], Kind(K::Decision)),
        row(Ru, "распоряжени", &[], Kind(K::Disposition)),
        row(Kk, "бірлескен", &[], Modifier(K::JointOrder)),
        row(Kk, "конституциял", &[], Modifier(K::ConstitutionalLaw)),
        row(Kk, "конституция", &[], Constitution),
        row(Kk, "заң", &["заңнам", "заңды", "заңсыз"], Kind(K::Law)),
        row(Kk, "кодекс", &[], Kind(K::Code)),
        row(Kk, "нормативт", &[], Modifier(K::Resolution)),
        row(Kk, "қаулы", &[], Kind(K::Resolution)),
        row(Kk, "бұйры", &[], Kind(K::Order)),
        row(Kk, "шешім", &[], Kind(K::Decision)),
        row(Kk, "жарлы", &[], Kind(K::Decree)),
        row(Kk, "өкім", &[], Kind(K::Disposition)),
    ]
};

/// What a lowercase word of `lang` names by [`KIND_STEMS`], if it is a kind word.
///
/// `kind_word(Lang::Ru, "приказом")` is `Kind(Order)`; `"законодательства"` is none.
pub(crate) fn kind_word(lang: crate::model::Lang, lower: &str) -> Option<KindWord> {
    KIND_STEMS
        .iter()
        .filter(|r| r.lang == lang)
        .find(|r| lower.starts_with(r.stem) && !r.not.iter().any(|n| lower.starts_with(n)))
        .map(|r| r.names)
}

/// Whether a lowercase word names a kind of act, in either language.
pub(crate) fn is_kind_word(lower: &str) -> bool {
    [crate::model::Lang::Kk, crate::model::Lang::Ru]
        .into_iter()
        .any(|l| kind_word(l, lower).is_some())
}

/// The form with database code `code` (`ПРИК`, `пост`), if zanlex knows it.
pub fn form_of_code(code: &str) -> Option<&'static Form> {
    let c = code.trim().to_uppercase();
    FORMS.iter().find(|f| f.codes.contains(&c.as_str()))
}

/// The form of a kind of act (the first row with that kind).
pub fn form_of_kind(kind: ActKind) -> Option<&'static Form> {
    FORMS.iter().find(|f| f.kind == kind)
}

/// A body that adopts acts, or the official who signs them for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issuer {
    /// The short code zanlex gives it ([`crate::Issuance::issuer_code`]; it starts act ids).
    pub slug: &'static str,
    /// Its codes in the database's `approved_by`.
    pub db_codes: &'static [&'static str],
    /// How a Kazakh citation names it, in the genitive (`ҚР Президентінің`).
    pub kk: &'static str,
    /// How a Russian citation names it, in the genitive (`Президента РК`).
    pub ru: &'static str,
    /// Lowercased words that name it in a requisite or a header, Kazakh or Russian.
    pub names: &'static [&'static str],
    /// Its words name the kind of body, not the body itself (`мәслихаттың`): the printed
    /// name of the place, when the act gives one, is preferred.
    pub generic: bool,
}

/// Every issuer zanlex names, most specific first (the Head of the Presidential Office before
/// the President): [`issuer_of_words`] takes the first whose words a phrase contains.
pub const ISSUERS: [Issuer; 23] = [
    Issuer {
        slug: "president-office",
        db_codes: &[],
        kk: "ҚР Президенті Кеңсесі бастығының",
        ru: "Начальника Канцелярии Президента РК",
        names: &[
            "президенті кеңсе",
            "кеңсесі бастығ",
            "канцелярии президента",
        ],
        generic: false,
    },
    Issuer {
        slug: "president-administration",
        db_codes: &["101001000000"],
        kk: "ҚР Президенті Әкімшілігі Басшысының",
        ru: "Руководителя Администрации Президента РК",
        names: &["президенті әкімшілі", "администрации президента"],
        generic: false,
    },
    Issuer {
        slug: "president-affairs",
        db_codes: &["101004000000"],
        kk: "ҚР Президентінің Іс Басқарушысының",
        ru: "Управляющего Делами Президента РК",
        names: &["іс басқар", "делами президента"],
        generic: false,
    },
    Issuer {
        slug: "president",
        db_codes: &["101000000000"],
        kk: "ҚР Президентінің",
        ru: "Президента РК",
        names: &["президент"],
        generic: false,
    },
    Issuer {
        slug: "parliament",
        db_codes: &["102000000000"],
        kk: "ҚР Парламентінің",
        ru: "Парламента РК",
        names: &["парламент"],
        generic: false,
    },
    Issuer {
        slug: "government",
        db_codes: &[],
        kk: "ҚР Үкіметінің",
        ru: "Правительства РК",
        names: &["үкімет", "правительств"],
        generic: false,
    },
    Issuer {
        slug: "moj",
        db_codes: &["103001000000"],
        kk: "ҚР Әділет министрінің",
        ru: "Министра юстиции РК",
        names: &["әділет министрі", "министра юстиции"],
        generic: false,
    },
    Issuer {
        slug: "mfa",
        db_codes: &[],
        kk: "ҚР Сыртқы істер министрінің",
        ru: "Министра иностранных дел РК",
        names: &["сыртқы істер", "иностранных дел"],
        generic: false,
    },
    Issuer {
        slug: "mvd",
        db_codes: &[],
        kk: "ҚР Ішкі істер министрінің",
        ru: "Министра внутренних дел РК",
        names: &["ішкі істер", "внутренних дел"],
        generic: false,
    },
    Issuer {
        slug: "mof",
        db_codes: &[],
        kk: "ҚР Қаржы министрінің",
        ru: "Министра финансов РК",
        names: &["қаржы министр", "министра финансов"],
        generic: false,
    },
    Issuer {
        slug: "moh",
        db_codes: &[],
        kk: "ҚР Денсаулық сақтау министрінің",
        ru: "Министра здравоохранения РК",
        names: &["денсаулық сақтау министр", "министра здравоохранения"],
        generic: false,
    },
    Issuer {
        slug: "mlsp",
        db_codes: &[],
        kk: "ҚР Еңбек және халықты әлеуметтік қорғау министрінің",
        ru: "Министра труда и социальной защиты населения РК",
        names: &["еңбек және халықты әлеуметтік", "труда и социальной защиты"],
        generic: false,
    },
    Issuer {
        slug: "mes",
        db_codes: &[],
        kk: "ҚР Білім және ғылым министрінің",
        ru: "Министра образования и науки РК",
        names: &["білім және ғылым министр", "образования и науки"],
        generic: false,
    },
    Issuer {
        slug: "knb",
        db_codes: &[],
        kk: "ҚР Ұлттық қауіпсіздік комитеті Төрағасының",
        ru: "Председателя Комитета национальной безопасности РК",
        names: &["ұлттық қауіпсіздік", "национальной безопасности"],
        generic: false,
    },
    Issuer {
        slug: "nbk",
        db_codes: &[],
        kk: "ҚР Ұлттық Банкі Басқармасының",
        ru: "Правления Национального Банка РК",
        names: &["ұлттық банк", "национального банка"],
        generic: false,
    },
    Issuer {
        slug: "gp",
        db_codes: &[],
        kk: "ҚР Бас Прокурорының",
        ru: "Генерального Прокурора РК",
        names: &["бас прокурор", "генерального прокурора"],
        generic: false,
    },
    Issuer {
        slug: "mod",
        db_codes: &[],
        kk: "ҚР Қорғаныс министрінің",
        ru: "Министра обороны РК",
        names: &["қорғаныс министр", "министра обороны"],
        generic: false,
    },
    Issuer {
        slug: "mdai",
        db_codes: &[],
        kk: "ҚР Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрінің",
        ru: "Министра цифрового развития, инноваций и аэрокосмической промышленности РК",
        names: &["цифрлық даму", "цифрового развития"],
        generic: false,
    },
    Issuer {
        slug: "mic",
        db_codes: &[],
        kk: "ҚР Ақпарат және қоғамдық даму министрінің",
        ru: "Министра информации и общественного развития РК",
        names: &[
            "ақпарат және қоғамдық даму",
            "информации и общественного развития",
        ],
        generic: false,
    },
    Issuer {
        slug: "miid",
        db_codes: &[],
        kk: "ҚР Индустрия және инфрақұрылымдық даму министрінің",
        ru: "Министра индустрии и инфраструктурного развития РК",
        names: &[
            "индустрия және инфрақұрылымдық",
            "индустрии и инфраструктурного",
        ],
        generic: false,
    },
    Issuer {
        slug: "maslikhat",
        db_codes: &["150000000002", "154000000002"],
        kk: "мәслихаттың",
        ru: "маслихата",
        names: &["мәслихат", "маслихат"],
        generic: true,
    },
    Issuer {
        slug: "akimat",
        db_codes: &[],
        kk: "әкімдіктің",
        ru: "акимата",
        names: &["әкімдіг", "акимат"],
        generic: true,
    },
    Issuer {
        slug: "akim",
        db_codes: &["154000000003"],
        kk: "әкімнің",
        ru: "акима",
        names: &["әкімі", "акима"],
        generic: true,
    },
];

/// The issuer with slug `slug` ([`Issuer::slug`]).
pub fn issuer_of_slug(slug: &str) -> Option<&'static Issuer> {
    ISSUERS.iter().find(|i| i.slug == slug)
}

/// The issuer whose database code (`approved_by`) is `code`.
pub fn issuer_of_db_code(code: &str) -> Option<&'static Issuer> {
    let c = code.trim().trim_matches(['\'', '"']);
    ISSUERS.iter().find(|i| i.db_codes.contains(&c))
}

/// The issuer a printed phrase names, Kazakh or Russian (`Қазақстан Республикасы Сыртқы істер
/// министрінің м.а.`, `Начальника Канцелярии Президента Республики Казахстан`), if any.
pub fn issuer_of_words(printed: &str) -> Option<&'static Issuer> {
    let l = crate::text::normalize_i(&crate::text::lowercase(printed));
    ISSUERS
        .iter()
        .find(|i| i.names.iter().any(|n| l.contains(n)))
}

/// Whether a printed issuer says it was signed by someone acting for the official (`м.а.`,
/// `міндетін атқарушы`, `исполняющего обязанности`, `и.о.`).
pub fn is_acting(printed: &str) -> bool {
    let l = crate::text::lowercase(printed);
    l.contains("м.а.")
        || l.contains("міндетін атқарушы")
        || l.contains("исполняющего обязанности")
        || l.contains("и.о.")
}

/// The examples of this module's items, run as unit tests (the items are not public).
#[cfg(test)]
mod doc_examples {
    #[test]
    fn form_of_code() {
        use crate::model::citation::codes::form_of_code;
        assert_eq!(
            form_of_code("КЗАК").unwrap().kind,
            crate::ActKind::ConstitutionalLaw
        );
        assert_eq!(form_of_code(" прик ").unwrap().ru, "Приказ");
        assert!(form_of_code("ПРАВ").is_none()); // Rules approved by an act: not the act's form
    }

    #[test]
    fn issuer_of_db_code() {
        use crate::model::citation::codes::issuer_of_db_code;
        assert_eq!(issuer_of_db_code("101000000000").unwrap().slug, "president");
        assert_eq!(
            issuer_of_db_code("'101001000000'").unwrap().ru,
            "Руководителя Администрации Президента РК"
        );
        assert!(issuer_of_db_code("999").is_none());
    }

    #[test]
    fn issuer_of_words() {
        use crate::model::citation::codes::issuer_of_words;
        assert_eq!(
            issuer_of_words("Руководителя Администрации Президента Республики Казахстан")
                .unwrap()
                .slug,
            "president-administration"
        );
        assert_eq!(
            issuer_of_words("Қазақстан Республикасы Президенті Кеңсесі бастығының")
                .unwrap()
                .slug,
            "president-office"
        );
        assert_eq!(
            issuer_of_words("маслихата Алматинской области")
                .unwrap()
                .slug,
            "maslikhat"
        );
        assert!(issuer_of_words("Қазақстан Республикасының").is_none());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every slug is one row, every database code one issuer, every form code one form.
    #[test]
    fn codes_name_one_row_each() {
        let mut slugs: Vec<&str> = ISSUERS.iter().map(|i| i.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), ISSUERS.len());
        let mut db: Vec<&str> = ISSUERS
            .iter()
            .flat_map(|i| i.db_codes.iter().copied())
            .collect();
        let n = db.len();
        db.sort_unstable();
        db.dedup();
        assert_eq!(db.len(), n);
        let mut forms: Vec<&str> = FORMS.iter().flat_map(|f| f.codes.iter().copied()).collect();
        let n = forms.len();
        forms.sort_unstable();
        forms.dedup();
        assert_eq!(forms.len(), n);
    }

    /// A more specific issuer's words are found before the words of one that contains them:
    /// the Presidential Office and Administration are not the President's.
    #[test]
    fn specific_issuers_come_first() {
        for (printed, slug) in [
            (
                "Начальника Канцелярии Президента Республики Казахстан",
                "president-office",
            ),
            (
                "Қазақстан Республикасы Президенті Әкімшілігінің Басшысы",
                "president-administration",
            ),
            (
                "Управляющего Делами Президента Республики Казахстан",
                "president-affairs",
            ),
            ("Қазақстан Республикасы Президентінің", "president"),
            ("исполняющего обязанности Министра юстиции", "moj"),
            ("Алматы облыстық мәслихатының", "maslikhat"),
            ("акима Алматинской области", "akim"),
            ("Алматы облысының әкімдігі", "akimat"),
        ] {
            assert_eq!(
                issuer_of_words(printed).map(|i| i.slug),
                Some(slug),
                "{printed}"
            );
        }
        assert!(is_acting(
            "Қазақстан Республикасы Сыртқы істер министрінің м.а."
        ));
        assert!(is_acting(
            "исполняющего обязанности Управляющего Делами Президента"
        ));
        assert!(!is_acting("Министра юстиции"));
    }
}

/// The one table of kind words, as each stage reads a word of running text.
#[cfg(test)]
mod kind_word_tests {
    use super::{kind_word, KindWord, FORMS, KIND_STEMS};
    use crate::model::{ActKind, Lang};

    #[test]
    fn words_in_any_case_form() {
        let ru = |w: &str| kind_word(Lang::Ru, w);
        let kk = |w: &str| kind_word(Lang::Kk, w);
        use KindWord::{Constitution, Kind, Modifier};
        assert_eq!(ru("приказом"), Some(Kind(ActKind::Order)));
        assert_eq!(ru("постановления"), Some(Kind(ActKind::Resolution)));
        assert_eq!(ru("нормативного"), Some(Modifier(ActKind::Resolution)));
        assert_eq!(ru("закона"), Some(Kind(ActKind::Law)));
        assert_eq!(
            ru("конституционного"),
            Some(Modifier(ActKind::ConstitutionalLaw))
        );
        assert_eq!(ru("конституции"), Some(Constitution));
        assert_eq!(ru("указом"), Some(Kind(ActKind::Decree)));
        assert_eq!(ru("распоряжением"), Some(Kind(ActKind::Disposition)));
        assert_eq!(ru("совместным"), Some(Modifier(ActKind::JointOrder)));
        assert_eq!(ru("решением"), Some(Kind(ActKind::Decision)));
        assert_eq!(ru("кодекса"), Some(Kind(ActKind::Code)));
        // Longer words that name no act.
        for w in [
            "законодательства",
            "законных",
            "указанного",
            "статьи",
            "бұйрығымен",
        ] {
            assert_eq!(ru(w), None, "{w}");
        }
        assert_eq!(kk("бұйрығымен"), Some(Kind(ActKind::Order)));
        assert_eq!(kk("бұйрықпен"), Some(Kind(ActKind::Order)));
        assert_eq!(kk("қаулысына"), Some(Kind(ActKind::Resolution)));
        assert_eq!(kk("заңының"), Some(Kind(ActKind::Law)));
        assert_eq!(kk("кодексінің"), Some(Kind(ActKind::Code)));
        assert_eq!(kk("жарлығымен"), Some(Kind(ActKind::Decree)));
        assert_eq!(kk("өкімімен"), Some(Kind(ActKind::Disposition)));
        assert_eq!(kk("шешімі"), Some(Kind(ActKind::Decision)));
        assert_eq!(
            kk("конституциялық"),
            Some(Modifier(ActKind::ConstitutionalLaw))
        );
        assert_eq!(kk("конституциясының"), Some(Constitution));
        assert_eq!(kk("бірлескен"), Some(Modifier(ActKind::JointOrder)));
        for w in ["заңнамасына", "заңды", "заңсыз", "тармағы", "приказом"]
        {
            assert_eq!(kk(w), None, "{w}");
        }
    }

    /// No stem is reached only through an earlier one: a stem that starts another comes
    /// after it.
    #[test]
    fn every_stem_is_reachable() {
        for (i, a) in KIND_STEMS.iter().enumerate() {
            for b in &KIND_STEMS[i + 1..] {
                assert!(
                    a.lang != b.lang || !b.stem.starts_with(a.stem),
                    "{} hides {}",
                    a.stem,
                    b.stem
                );
            }
            assert_eq!(kind_word(a.lang, a.stem), Some(a.names), "{}", a.stem);
        }
    }

    /// Every form's citation words are kind words of the table, naming its kind.
    #[test]
    fn the_forms_words_are_kind_words() {
        for f in FORMS {
            for (lang, words) in [(Lang::Kk, f.kk), (Lang::Ru, f.ru)] {
                let lower = crate::text::lowercase(words);
                let first = lower.split(' ').next().unwrap_or("");
                match kind_word(lang, first) {
                    Some(KindWord::Kind(k) | KindWord::Modifier(k)) => {
                        assert_eq!(k, f.kind, "{words}")
                    }
                    other => panic!("{words}: {other:?}"),
                }
            }
        }
    }
}
