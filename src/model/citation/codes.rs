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
//! The issuers are the table `data/issuers.tsv` (compiled in; its header gives its columns
//! and sources): the database's issuer codes, the central state bodies of the Government's
//! structure and the agencies, the bodies' official titles in the nominative and the words
//! their acts' requisites print. An issuer is also recognised from the words that name it in
//! a requisite or a header, in either language (`Руководителя Администрации Президента Республики Казахстан`,
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
        row(
            Kk,
            "заң",
            &["заңнам", "заңды", "заңсыз", "заңгер"],
            Kind(K::Law),
        ),
        row(Kk, "кодекс", &[], Kind(K::Code)),
        row(Kk, "нормативт", &[], Modifier(K::Resolution)),
        row(Kk, "қаулы", &[], Kind(K::Resolution)),
        row(Kk, "бұйры", &[], Kind(K::Order)),
        row(Kk, "шешім", &[], Kind(K::Decision)),
        row(Kk, "жарлы", &[], Kind(K::Decree)),
        row(Kk, "өкім", &[], Kind(K::Disposition)),
    ]
};

/// The documents an act approves that a question may name the act by, as it names one by its
/// kind (`по правилам общего водопользования`, `қағидаларына сәйкес`, `положение о …`): kind
/// words of a question, not of a citation, which names the approving act ([`KIND_STEMS`]). An
/// instruction has no kind of its own.
pub(crate) const DOCUMENT_STEMS: [KindStem; 6] = {
    use crate::model::Lang::{Kk, Ru};
    use ActKind as K;
    const fn row(lang: crate::model::Lang, stem: &'static str, kind: ActKind) -> KindStem {
        KindStem {
            lang,
            stem,
            not: &[],
            names: KindWord::Kind(kind),
        }
    }
    [
        row(Ru, "правил", K::Rules),
        row(Ru, "положени", K::Regulation),
        row(Ru, "инструкци", K::Other),
        row(Kk, "қағида", K::Rules),
        row(Kk, "ереже", K::Regulation),
        row(Kk, "нұсқаулы", K::Other),
    ]
};

/// The stems a question names an act by in `lang` (or both, for `None`): the kinds of
/// [`KIND_STEMS`] by themselves, then the documents of [`DOCUMENT_STEMS`], of the kinds
/// `keep` keeps, each with the longer words starting with it that name none.
///
/// `naming_stems(Some(Lang::Ru), |k| k == ActKind::Rules)` gives the row of `правил`.
pub(crate) fn naming_stems(
    lang: Option<crate::model::Lang>,
    keep: impl Fn(ActKind) -> bool,
) -> impl Iterator<Item = &'static KindStem> {
    KIND_STEMS
        .iter()
        .chain(&DOCUMENT_STEMS)
        .filter(move |r| lang.is_none_or(|l| r.lang == l))
        .filter(move |r| matches!(r.names, KindWord::Kind(k) if keep(k)))
}

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

/// The kind of act the first word of `text` names in `lang` by [`KIND_STEMS`], in any case
/// form and letter case: a modifier names its noun's kind (`совместным приказом` a joint
/// order, `Конституциялық заңымен` a constitutional law). `None` for any other word, and for
/// the Constitution, no kind zanlex files acts under.
///
/// `kind_named(Lang::Kk, "бұйрығымен")` is `Some(Order)`; `kind_named(Lang::Ru, "Законодательства")` is `None`.
pub(crate) fn kind_named(lang: crate::model::Lang, text: &str) -> Option<ActKind> {
    let word = text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?;
    match kind_word(lang, &crate::text::lowercase(word))? {
        KindWord::Kind(k) | KindWord::Modifier(k) => Some(k),
        KindWord::Constitution => None,
    }
}

/// Whether a lowercase word names a kind of act, in either language.
pub(crate) fn is_kind_word(lower: &str) -> bool {
    [crate::model::Lang::Kk, crate::model::Lang::Ru]
        .into_iter()
        .any(|l| kind_word(l, lower).is_some())
}

/// A form a kind word takes in running text, as the stages match it whole: Russian's cases,
/// Kazakh's cases of the bare noun and of the noun with its possessive ending (`бұйрығы`, "its
/// order", the form a citation names an act by).
// Each case is a column of the table, whether or not a pattern reads it yet.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KindCase {
    /// `приказ`, `бұйрық`.
    Nominative,
    /// `приказа`, `бұйрықтың`.
    Genitive,
    /// `приказу`, `бұйрыққа`.
    Dative,
    /// `приказом`, `бұйрықпен`.
    Instrumental,
    /// Russian's prepositional, Kazakh's locative: `приказе`, `бұйрықта`.
    Locative,
    /// The plural's first case: `приказы`, `бұйрықтар`.
    Plural,
    /// The plural's instrumental: `приказами`, `бұйрықтармен`.
    PluralInstrumental,
    /// The plural's genitive: `приказов`, `бұйрықтардың`.
    PluralGenitive,
    /// Kazakh only: `бұйрығы`.
    Possessive,
    /// Kazakh only: `бұйрығының`.
    PossessiveGenitive,
    /// Kazakh only: `бұйрығына`.
    PossessiveDative,
    /// Kazakh only: `бұйрығымен`.
    PossessiveInstrumental,
}

/// The whole words of one kind of act, lowercase, in each [`KindCase`] (in its order); a
/// Russian row has the cases before the possessive ones only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KindForms {
    /// The language of the words.
    pub lang: crate::model::Lang,
    /// The kind of act they name.
    pub kind: ActKind,
    /// The words, one per case.
    pub forms: &'static [&'static str],
}

/// The kinds [`KIND_FORMS`] has words for, in its order, in each language.
pub(crate) const TABLE_KINDS: [ActKind; 7] = [
    ActKind::Law,
    ActKind::Code,
    ActKind::Decree,
    ActKind::Resolution,
    ActKind::Order,
    ActKind::Decision,
    ActKind::Disposition,
];

/// The whole-word forms of every kind word, Russian and Kazakh: what a pattern that matches
/// a kind in one case lists (the stems that match any form are [`KIND_STEMS`]).
pub(crate) const KIND_FORMS: [KindForms; 14] = {
    use crate::model::Lang::{Kk, Ru};
    use ActKind as K;
    const fn row(
        lang: crate::model::Lang,
        kind: ActKind,
        forms: &'static [&'static str],
    ) -> KindForms {
        KindForms { lang, kind, forms }
    }
    [
        row(
            Ru,
            K::Law,
            &[
                "закон",
                "закона",
                "закону",
                "законом",
                "законе",
                "законы",
                "законами",
                "законов",
            ],
        ),
        row(
            Ru,
            K::Code,
            &[
                "кодекс",
                "кодекса",
                "кодексу",
                "кодексом",
                "кодексе",
                "кодексы",
                "кодексами",
                "кодексов",
            ],
        ),
        row(
            Ru,
            K::Decree,
            &[
                "указ",
                "указа",
                "указу",
                "указом",
                "указе",
                "указы",
                "указами",
                "указов",
            ],
        ),
        row(
            Ru,
            K::Resolution,
            &[
                "постановление",
                "постановления",
                "постановлению",
                "постановлением",
                "постановлении",
                "постановления",
                "постановлениями",
                "постановлений",
            ],
        ),
        row(
            Ru,
            K::Order,
            &[
                "приказ",
                "приказа",
                "приказу",
                "приказом",
                "приказе",
                "приказы",
                "приказами",
                "приказов",
            ],
        ),
        row(
            Ru,
            K::Decision,
            &[
                "решение",
                "решения",
                "решению",
                "решением",
                "решении",
                "решения",
                "решениями",
                "решений",
            ],
        ),
        row(
            Ru,
            K::Disposition,
            &[
                "распоряжение",
                "распоряжения",
                "распоряжению",
                "распоряжением",
                "распоряжении",
                "распоряжения",
                "распоряжениями",
                "распоряжений",
            ],
        ),
        row(
            Kk,
            K::Law,
            &[
                "заң",
                "заңның",
                "заңға",
                "заңмен",
                "заңда",
                "заңдар",
                "заңдармен",
                "заңдардың",
                "заңы",
                "заңының",
                "заңына",
                "заңымен",
            ],
        ),
        row(
            Kk,
            K::Code,
            &[
                "кодекс",
                "кодекстің",
                "кодекске",
                "кодекспен",
                "кодексте",
                "кодекстер",
                "кодекстермен",
                "кодекстердің",
                "кодексі",
                "кодексінің",
                "кодексіне",
                "кодексімен",
            ],
        ),
        row(
            Kk,
            K::Decree,
            &[
                "жарлық",
                "жарлықтың",
                "жарлыққа",
                "жарлықпен",
                "жарлықта",
                "жарлықтар",
                "жарлықтармен",
                "жарлықтардың",
                "жарлығы",
                "жарлығының",
                "жарлығына",
                "жарлығымен",
            ],
        ),
        row(
            Kk,
            K::Resolution,
            &[
                "қаулы",
                "қаулының",
                "қаулыға",
                "қаулымен",
                "қаулыда",
                "қаулылар",
                "қаулылармен",
                "қаулылардың",
                "қаулысы",
                "қаулысының",
                "қаулысына",
                "қаулысымен",
            ],
        ),
        row(
            Kk,
            K::Order,
            &[
                "бұйрық",
                "бұйрықтың",
                "бұйрыққа",
                "бұйрықпен",
                "бұйрықта",
                "бұйрықтар",
                "бұйрықтармен",
                "бұйрықтардың",
                "бұйрығы",
                "бұйрығының",
                "бұйрығына",
                "бұйрығымен",
            ],
        ),
        row(
            Kk,
            K::Decision,
            &[
                "шешім",
                "шешімнің",
                "шешімге",
                "шешіммен",
                "шешімде",
                "шешімдер",
                "шешімдермен",
                "шешімдердің",
                "шешімі",
                "шешімінің",
                "шешіміне",
                "шешімімен",
            ],
        ),
        row(
            Kk,
            K::Disposition,
            &[
                "өкім",
                "өкімнің",
                "өкімге",
                "өкіммен",
                "өкімде",
                "өкімдер",
                "өкімдермен",
                "өкімдердің",
                "өкімі",
                "өкімінің",
                "өкіміне",
                "өкімімен",
            ],
        ),
    ]
};

/// The word for each of `kinds` (in that order) in `lang` and `case`, from [`KIND_FORMS`]: a
/// kind or case the table has no word for is passed over.
///
/// `kind_forms(Lang::Ru, KindCase::Genitive, &[Order, Law])` gives `приказа`, `закона`.
pub(crate) fn kind_forms(
    lang: crate::model::Lang,
    case: KindCase,
    kinds: &[ActKind],
) -> Vec<&'static str> {
    kinds
        .iter()
        .filter_map(|&kind| {
            KIND_FORMS
                .iter()
                .find(|r| r.lang == lang && r.kind == kind)
                .and_then(|r| r.forms.get(case as usize).copied())
        })
        .collect()
}

/// Every whole word of [`KIND_FORMS`] in `lang`, each once, in the table's order: for a
/// pattern that matches a kind word in any case the table has.
///
/// `every_kind_form(Lang::Ru)` gives `закон`, `закона`, … `распоряжений`.
pub(crate) fn every_kind_form(lang: crate::model::Lang) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    for row in KIND_FORMS.iter().filter(|r| r.lang == lang) {
        for &w in row.forms {
            if !words.contains(&w) {
                words.push(w);
            }
        }
    }
    words
}

/// [`kind_forms`] as a regex alternation (`приказа|закона`), for a pattern that matches a
/// kind word in one case.
pub(crate) fn kind_alternation(
    lang: crate::model::Lang,
    case: KindCase,
    kinds: &[ActKind],
) -> String {
    kind_forms(lang, case, kinds).join("|")
}

/// The stems of [`KIND_STEMS`] in `lang` (or both, for `None`) that name a kind of act by
/// themselves and pass `keep` (the Constitution's too when `constitution`), each once, as a
/// regex alternation (`закон|кодекс|…`): for a pattern that matches a kind word in any form,
/// the stem followed by its letters.
pub(crate) fn kind_stem_alternation(
    lang: Option<crate::model::Lang>,
    constitution: bool,
    keep: impl Fn(ActKind) -> bool,
) -> String {
    let mut stems: Vec<&str> = Vec::new();
    for r in KIND_STEMS
        .iter()
        .filter(|r| lang.is_none_or(|l| r.lang == l))
    {
        let named = match r.names {
            KindWord::Kind(k) => keep(k),
            KindWord::Constitution => constitution,
            KindWord::Modifier(_) => false,
        };
        if named && !stems.contains(&r.stem) {
            stems.push(r.stem);
        }
    }
    stems.join("|")
}

/// Each modifier of [`KIND_STEMS`] in `lang`, the rest of its word matched by `letters` (a
/// regex), with the stem of its noun after it, as a regex alternation (`совместн[а-я]*\s+
/// приказ|…`): for a pattern that reads a two-word kind (`Конституционным законом`,
/// `бірлескен бұйрығымен`) from its first word.
pub(crate) fn kind_phrase_alternation(lang: crate::model::Lang, letters: &str) -> String {
    let noun_stem = |kind: ActKind| {
        KIND_STEMS
            .iter()
            .find(|r| r.lang == lang && r.names == KindWord::Kind(kind))
            .map(|r| r.stem)
    };
    KIND_STEMS
        .iter()
        .filter(|r| r.lang == lang)
        .filter_map(|r| match r.names {
            KindWord::Modifier(kind) => {
                // The noun a modifier stands before: a constitutional law is a law, a joint
                // order an order, a normative resolution a resolution.
                let noun = match kind {
                    ActKind::ConstitutionalLaw => ActKind::Law,
                    ActKind::JointOrder => ActKind::Order,
                    other => other,
                };
                let stem = noun_stem(noun)?;
                Some(format!(r"{}{letters}\s+{stem}", r.stem))
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("|")
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

/// A body that adopts acts, or the official who signs them for it: one row of
/// `data/issuers.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// The short code zanlex gives it ([`crate::Issuance::issuer_code`]; it starts act ids).
    pub slug: &'static str,
    /// Its codes in the database's `approved_by`.
    pub db_codes: Vec<&'static str>,
    /// How a Kazakh citation names it, in the genitive (`ҚР Президентінің`).
    pub kk: &'static str,
    /// How a Russian citation names it, in the genitive (`Президента РК`).
    pub ru: &'static str,
    /// Its official title in Kazakh, nominative (`Қазақстан Республикасының Президенті`).
    pub kk_nominative: &'static str,
    /// Its official title in Russian, nominative (`Президент Республики Казахстан`).
    pub ru_nominative: &'static str,
    /// Lowercased words that name it in a requisite or a header, Kazakh or Russian.
    pub names: Vec<&'static str>,
    /// Its words name the kind of body, not the body itself (`мәслихаттың`): the printed
    /// name of the place, when the act gives one, is preferred.
    pub generic: bool,
}

/// The issuer table as written (its header says its columns and sources).
const ISSUER_TABLE: &str = include_str!("../../../data/issuers.tsv");

/// The rows of `table` (the issuer table's text): every line that is no comment, no blank
/// and not the header, with its nine columns; a line without them is no row (the table's own
/// test checks that none is left out so).
fn issuer_rows(table: &'static str) -> Vec<Issuer> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&'static str> = l.split('\t').map(str::trim).collect();
            let [slug, db, kk, ru, kk_nom, ru_nom, names, generic, source] = cols.as_slice() else {
                return None;
            };
            let listed = |s: &'static str, sep: char| -> Vec<&'static str> {
                s.split(sep)
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .collect()
            };
            let names = listed(names, '|');
            if slug.is_empty() || kk.is_empty() || ru.is_empty() || names.is_empty() {
                return None;
            }
            if kk_nom.is_empty() || ru_nom.is_empty() || source.is_empty() {
                return None;
            }
            Some(Issuer {
                slug,
                db_codes: listed(db, ','),
                kk,
                ru,
                kk_nominative: kk_nom,
                ru_nominative: ru_nom,
                names,
                generic: *generic == "generic",
            })
        })
        .collect()
}

/// Every issuer zanlex names (`data/issuers.tsv`), most specific first (the Head of the
/// Presidential Office before the President): [`issuer_of_words`] takes the first whose words
/// a phrase contains. The central bodies come first, the local ones last.
pub fn issuers_table() -> &'static [Issuer] {
    static ROWS: std::sync::OnceLock<Vec<Issuer>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| issuer_rows(ISSUER_TABLE))
}

/// The issuer with slug `slug` ([`Issuer::slug`]).
pub fn issuer_of_slug(slug: &str) -> Option<&'static Issuer> {
    issuers_table().iter().find(|i| i.slug == slug)
}

/// The issuer whose database code (`approved_by`) is `code`.
pub fn issuer_of_db_code(code: &str) -> Option<&'static Issuer> {
    let c = code.trim().trim_matches(['\'', '"']);
    issuers_table().iter().find(|i| i.db_codes.contains(&c))
}

/// The issuer a printed phrase names, Kazakh or Russian (`Қазақстан Республикасы Сыртқы істер
/// министрінің м.а.`, `Начальника Канцелярии Президента Республики Казахстан`), if any.
pub fn issuer_of_words(printed: &str) -> Option<&'static Issuer> {
    let l = crate::text::normalize_i(&crate::text::lowercase(printed));
    issuers_table()
        .iter()
        .find(|i| i.names.iter().any(|n| l.contains(n)))
}

/// Where each issuer is named in `printed` (lowercased, one kind of `і`): its row and the
/// byte range of the words of it found first and ending last, in the table's order.
fn issuers_named(printed: &str) -> Vec<(usize, usize, &'static Issuer)> {
    let l = crate::text::normalize_i(&crate::text::lowercase(printed));
    issuers_table()
        .iter()
        .filter_map(|i| {
            let first = i.names.iter().filter_map(|n| l.find(n)).min()?;
            let last = i
                .names
                .iter()
                .filter_map(|n| l.rfind(n).map(|at| at + n.len()))
                .max()?;
            Some((first, last, i))
        })
        .collect()
}

/// The issuer named first in `printed` (a Russian reference names its issuer after the kind
/// word: `приказом Министра сельского хозяйства РК от …`); of words starting at one place,
/// the row the table lists first (the more specific).
pub fn issuer_named_first(printed: &str) -> Option<&'static Issuer> {
    issuers_named(printed)
        .into_iter()
        .min_by_key(|&(first, ..)| first)
        .map(|(.., i)| i)
}

/// The issuer named last in `printed`, the one nearest what follows it (a Kazakh reference
/// follows its issuer: `… Ауыл шаруашылығы министрінің` before `2015 жылғы … № 7-1/68
/// бұйрығымен`, whatever bodies the sentence names before); of words ending at one place,
/// the row the table lists first.
pub fn issuer_named_last(printed: &str) -> Option<&'static Issuer> {
    issuers_named(printed)
        .into_iter()
        .rev()
        .max_by_key(|&(_, last, _)| last)
        .map(|(.., i)| i)
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
        let mut slugs: Vec<&str> = issuers_table().iter().map(|i| i.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), issuers_table().len());
        let mut db: Vec<&str> = issuers_table()
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

    /// Every row of the issuer table is read, and each row's own words (its citation words
    /// in both languages, its Kazakh title) name it and no row before it.
    #[test]
    fn every_issuer_row_is_read_and_names_itself() {
        let written = ISSUER_TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count()
            - 1;
        assert_eq!(issuers_table().len(), written);
        assert_eq!(issuers_table().len(), 50);
        for row in issuers_table() {
            if row.generic {
                continue;
            }
            // The Russian title is the nominative (`Министр …`), which a requisite never
            // prints before a kind word: a search finds it by the whole title.
            let own = [row.kk, row.ru, row.kk_nominative];
            for words in own {
                assert_eq!(
                    issuer_of_words(words).map(|i| i.slug),
                    Some(row.slug),
                    "{words}"
                );
            }
            assert!(
                row.kk.starts_with("ҚР ") && row.ru.contains(" РК"),
                "{row:?}"
            );
        }
    }

    /// The minister of a ministry the table gained, in the genitive a real text prints
    /// before its order's date and number, is that ministry's row, with its official titles
    /// in the nominative.
    #[test]
    fn a_ministry_printed_in_the_genitive_is_its_row() {
        for (printed, slug, kk, ru) in [
            (
                // The Almaty oblast maslikhat's decision of 15.12.2020 № 64-340, paragraph 2.
                "Қазақстан Республикасы Ауыл шаруашылығы министрінің 2015 жылғы 14 сәуірдегі № 3-3/332 бұйрығымен",
                "moa",
                "Қазақстан Республикасының Ауыл шаруашылығы министрі",
                "Министр сельского хозяйства Республики Казахстан",
            ),
            (
                "утвержденных приказом Министра сельского хозяйства Республики Казахстан",
                "moa",
                "Қазақстан Республикасының Ауыл шаруашылығы министрі",
                "Министр сельского хозяйства Республики Казахстан",
            ),
            (
                "Қазақстан Республикасы Ұлттық экономика министрінің",
                "mne",
                "Қазақстан Республикасының Ұлттық экономика министрі",
                "Министр национальной экономики Республики Казахстан",
            ),
            (
                "Қазақстан Республикасы Су ресурстары және ирригация министрінің м.а.",
                "mwri",
                "Қазақстан Республикасының Су ресурстары және ирригация министрі",
                "Министр водных ресурсов и ирригации Республики Казахстан",
            ),
            (
                "приказом Министра здравоохранения и социального развития Республики Казахстан",
                "mhsd",
                "Қазақстан Республикасының Денсаулық сақтау және әлеуметтік даму министрі",
                "Министр здравоохранения и социального развития Республики Казахстан",
            ),
        ] {
            let row = issuer_of_words(printed).expect(printed);
            assert_eq!(
                (row.slug, row.kk_nominative, row.ru_nominative),
                (slug, kk, ru),
                "{printed}"
            );
        }
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
        for w in [
            "заңнамасына",
            "заңды",
            "заңсыз",
            "заңгерлер",
            "тармағы",
            "приказом",
        ] {
            assert_eq!(kk(w), None, "{w}");
        }
    }

    /// A note's, a requisite's and a search's kind word, as its first word names it: in any
    /// letter case, a modifier naming its noun's kind, the Constitution none.
    #[test]
    fn the_kind_a_words_text_names() {
        use super::kind_named;
        let cases = [
            (Lang::Kk, "Бұйрығымен бекітілген", Some(ActKind::Order)),
            (
                Lang::Kk,
                "Конституциялық заңымен",
                Some(ActKind::ConstitutionalLaw),
            ),
            (Lang::Kk, "бірлескен бұйрығымен", Some(ActKind::JointOrder)),
            (Lang::Kk, "заңнамасына сәйкес", None),
            (Lang::Ru, "Совместным приказом", Some(ActKind::JointOrder)),
            (
                Lang::Ru,
                "нормативным постановлением",
                Some(ActKind::Resolution),
            ),
            (Lang::Ru, "«Законом»", Some(ActKind::Law)),
            (Lang::Ru, "Конституции", None),
            (Lang::Ru, "указанного", None),
        ];
        for (lang, text, kind) in cases {
            assert_eq!(kind_named(lang, text), kind, "{text}");
        }
    }

    /// The stems a question names an act by, narrowed to the kinds asked for: a kind's by
    /// itself (no modifier, not the Constitution), then a document's.
    #[test]
    fn the_stems_naming_an_act() {
        use super::naming_stems;
        let stems = |lang: Option<Lang>, kinds: &[ActKind]| -> Vec<&str> {
            naming_stems(lang, |k| kinds.contains(&k))
                .map(|r| r.stem)
                .collect()
        };
        let named = [ActKind::Law, ActKind::Code, ActKind::Rules];
        assert_eq!(stems(Some(Lang::Ru), &named), ["закон", "кодекс", "правил"]);
        assert_eq!(stems(Some(Lang::Kk), &named), ["заң", "кодекс", "қағида"]);
        assert_eq!(
            stems(None, &[ActKind::Regulation, ActKind::Decree]),
            ["указ", "жарлы", "положени", "ереже"]
        );
        let law = naming_stems(Some(Lang::Kk), |k| k == ActKind::Law)
            .next()
            .map(|r| r.not);
        assert_eq!(law, Some(&["заңнам", "заңды", "заңсыз", "заңгер"][..]));
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

    /// Every form of the whole-word table is a kind word of the stem table naming the same
    /// kind, and every row has each case its language has.
    #[test]
    fn the_forms_are_the_stems_words() {
        use super::{kind_alternation, KindCase, KIND_FORMS};
        for row in KIND_FORMS {
            let cases = if row.lang == Lang::Ru { 8 } else { 12 };
            assert_eq!(row.forms.len(), cases, "{row:?}");
            for form in row.forms {
                assert_eq!(
                    kind_word(row.lang, form),
                    Some(KindWord::Kind(row.kind)),
                    "{form}"
                );
            }
        }
        assert_eq!(
            kind_alternation(
                Lang::Ru,
                KindCase::Instrumental,
                &[ActKind::Order, ActKind::Law]
            ),
            "приказом|законом"
        );
        assert_eq!(
            kind_alternation(
                Lang::Kk,
                KindCase::PossessiveDative,
                &[ActKind::Decree, ActKind::Rules]
            ),
            "жарлығына"
        );
        assert_eq!(
            kind_alternation(Lang::Ru, KindCase::Possessive, &[ActKind::Order]),
            ""
        );
    }

    /// The kinds the whole-word table has words for are its rows in each language, and a
    /// modifier's pattern names its noun.
    #[test]
    fn the_table_kinds_and_the_modifiers_nouns() {
        use super::{kind_phrase_alternation, KIND_FORMS, TABLE_KINDS};
        for lang in [Lang::Kk, Lang::Ru] {
            let kinds: Vec<ActKind> = KIND_FORMS
                .iter()
                .filter(|r| r.lang == lang)
                .map(|r| r.kind)
                .collect();
            assert_eq!(kinds, TABLE_KINDS, "{lang:?}");
        }
        assert_eq!(
            kind_phrase_alternation(Lang::Ru, "[а-яё]*"),
            r"совместн[а-яё]*\s+приказ|конституционн[а-яё]*\s+закон|нормативн[а-яё]*\s+постановлени"
        );
        assert_eq!(
            kind_phrase_alternation(Lang::Kk, "\\w*"),
            r"бірлескен\w*\s+бұйры|конституциял\w*\s+заң|нормативт\w*\s+қаулы"
        );
    }

    /// The stems a pattern matching any form lists: each once, in the table's order.
    #[test]
    fn stem_alternations() {
        use super::kind_stem_alternation;
        assert_eq!(
            kind_stem_alternation(Some(Lang::Ru), true, |_| true),
            "конституци|закон|кодекс|указ|постановлени|приказ|решени|распоряжени"
        );
        assert_eq!(
            kind_stem_alternation(None, false, |k| k != ActKind::Disposition),
            "закон|кодекс|указ|постановлени|приказ|решени|заң|қаулы|бұйры|шешім|жарлы"
        );
    }
}
