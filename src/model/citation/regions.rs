//! Kazakhstan's regions (oblasts and cities of republican significance), whose maslikhats,
//! akimats and akims adopt local acts: the table `data/regions.tsv` (compiled in; its header
//! gives its columns and sources), and the local body and region a printed phrase names
//! (`маслихата Алматинской области`, `Алматинского областного маслихата`, `Алматы облысы
//! мәслихатының`, `акимата города Астаны`), so that a local act the corpus lacks is named
//! officially in both languages.

use super::codes::{issuers_table, Issuer};

/// One region: a row of `data/regions.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Region {
    /// The short code zanlex gives it (`almaty`, `astana`).
    pub slug: &'static str,
    /// The region in a Kazakh citation, before its body's genitive (`Алматы облысы`).
    pub kk: &'static str,
    /// The region in a Russian citation, after its body's genitive (`Алматинской области`).
    pub ru: &'static str,
    /// How texts print it next to its body: each a sequence of lowercase word beginnings.
    pub names: Vec<Vec<&'static str>>,
    /// How a question names the place by its name alone: word beginnings, compared folded
    /// ([`named_in`]).
    pub alone: Vec<&'static str>,
}

impl Region {
    /// The place the region's acts apply in: Nur-Sultan was Astana's name from 2019 to 2022,
    /// and its maslikhat's decisions are the capital's, as Astana's are.
    pub(crate) fn place(&self) -> &'static str {
        match self.slug {
            "nur-sultan" => "astana",
            slug => slug,
        }
    }
}

/// The region table as written.
const REGION_TABLE: &str = include_str!("../../../data/regions.tsv");

/// The rows of `table`: every line that is no comment, no blank and not the header, with
/// its six columns.
fn region_rows(table: &'static str) -> Vec<Region> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&'static str> = l.split('\t').map(str::trim).collect();
            let [slug, kk, ru, names, alone, source] = cols.as_slice() else {
                return None;
            };
            let names: Vec<Vec<&'static str>> = names
                .split('|')
                .map(|n| n.split_whitespace().collect::<Vec<_>>())
                .filter(|n| !n.is_empty())
                .collect();
            if [slug, kk, ru, source].iter().any(|c| c.is_empty()) || names.is_empty() {
                return None;
            }
            let alone = alone
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty() && *a != "-")
                .collect();
            Some(Region {
                slug,
                kk,
                ru,
                names,
                alone,
            })
        })
        .collect()
}

/// Every region zanlex names (`data/regions.tsv`).
pub(crate) fn regions() -> &'static [Region] {
    static ROWS: std::sync::OnceLock<Vec<Region>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| region_rows(REGION_TABLE))
}

/// The Kazakh genitive of a local body after its region's name (`Алматы облысы
/// мәслихатының`, `Астана қаласы әкімдігінің`, `… әкімінің`), by its issuer row's slug.
pub(crate) fn kk_body_after_region(body: &Issuer) -> Option<&'static str> {
    match body.slug {
        "maslikhat" => Some("мәслихатының"),
        "akimat" => Some("әкімдігінің"),
        "akim" => Some("әкімінің"),
        _ => None,
    }
}

/// The local bodies and their regions `printed` names, in the order printed: a word naming a
/// maslikhat, an akimat or an akim (a `generic` row of the issuer table), and right before
/// or after it the words naming a region (`маслихата Алматинской области`, `Алматинского
/// областного маслихата`, `Алматы облысы мәслихатының`).
pub(crate) fn local_bodies(printed: &str) -> Vec<(&'static Issuer, &'static Region)> {
    let words: Vec<String> = printed
        .split_whitespace()
        .map(|w| {
            crate::text::normalize_i(&crate::text::lowercase(
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
            ))
        })
        .collect();
    let fits = |seq: &[&str], at: usize| {
        seq.iter()
            .enumerate()
            .all(|(k, p)| words.get(at + k).is_some_and(|w| w.starts_with(p)))
    };
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(body) = issuers_table()
            .iter()
            .find(|r| r.names.iter().any(|n| w.starts_with(n)))
            .filter(|r| r.generic && kk_body_after_region(r).is_some())
        else {
            continue;
        };
        let region = regions().iter().find(|r| {
            r.names
                .iter()
                .any(|seq| fits(seq, i + 1) || (i >= seq.len() && fits(seq, i - seq.len())))
        });
        if let Some(region) = region {
            out.push((body, region));
        }
    }
    out
}

/// A word as the place readers compare it: lowercase, one kind of `і`, its punctuation (but a
/// hyphen) trimmed, then `skeleton` (a search folds keyboard and script, so that «Қарағанды»,
/// «караганды» and «Qaraghandy» read alike; a title is read as printed).
fn place_word(w: &str, skeleton: fn(&str) -> String) -> String {
    skeleton(&crate::text::normalize_i(&crate::text::lowercase(
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
    )))
}

/// Whether a word `w` (folded) is the place name `stem` (folded) in one of its case forms:
/// the stem and at most six letters of ending, none of an adjective's `-ск-`
/// («Алматинской» is no form of «Алматы» alone; a stem ending in it names the adjective
/// itself, «карагандинск»).
fn is_form_of(w: &str, stem: &str) -> bool {
    w.strip_prefix(stem)
        .is_some_and(|rest| rest.chars().count() <= 6 && !rest.contains("ск"))
}

/// The first place `text` names, with the words that name it (as typed): a region's name
/// with the word of its kind (`Карагандинской области`, `Астана қаласында`, `Qaraghandy
/// oblysy`, `в городе Астане`, the region table's names), else a city's or an oblast
/// centre's name alone (`Астане`, `Алматыда`, `Almaty`, `Караганде`), in any case and
/// script. The longest name at the leftmost word wins.
pub(crate) fn named_in(
    text: &str,
    skeleton: fn(&str) -> String,
) -> Option<(&'static Region, Vec<String>)> {
    let place_word = |w: &str| place_word(w, skeleton);
    let typed: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<String> = typed.iter().map(|w| place_word(w)).collect();
    let fits = |seq: &[&str], at: usize| {
        at + seq.len() <= words.len()
            && seq.iter().enumerate().all(|(k, p)| {
                !words[at + k].is_empty() && words[at + k].starts_with(&place_word(p))
            })
    };
    for at in 0..words.len() {
        let mut best: Option<(&'static Region, usize)> = None;
        for r in regions() {
            for seq in &r.names {
                if fits(seq, at) && best.is_none_or(|(_, n)| seq.len() > n) {
                    best = Some((r, seq.len()));
                }
            }
        }
        if best.is_none() {
            // A name alone: its last word in any case form, the words before it as they are.
            let alone_at = |a: &str| {
                let parts: Vec<String> = a.split_whitespace().map(&place_word).collect();
                let (last, before) = parts.split_last()?;
                let n = parts.len();
                (at + n <= words.len()
                    && before.iter().enumerate().all(|(k, p)| words[at + k] == *p)
                    && is_form_of(&words[at + n - 1], last))
                .then_some(n)
            };
            best = regions()
                .iter()
                .find_map(|r| r.alone.iter().find_map(|a| alone_at(a)).map(|n| (r, n)));
        }
        if let Some((r, n)) = best {
            return Some((r, typed[at..at + n].iter().map(|w| w.to_string()).collect()));
        }
    }
    None
}

/// The place a local act applies in ([`Region::place`]): the region of its issuer (a
/// maslikhat, an akimat, an akim), as the issuer prints it in the act's language or the
/// other (`маслихата города Астаны`, `Алматинского областного маслихата`), else as its title
/// names the place (`… в городе Астане`, `… Алматы облысының …`). `None` for an act of a
/// central body, and for a local body's act whose place neither says.
pub(crate) fn place_of_act(act: &crate::model::Act) -> Option<&'static str> {
    let local = |code: &str| {
        issuers_table()
            .iter()
            .any(|r| r.slug == code && r.generic && kk_body_after_region(r).is_some())
    };
    let issued_locally: Vec<&crate::model::Issuance> = act
        .issuances
        .iter()
        .filter(|i| local(&i.issuer_code))
        .collect();
    if issued_locally.is_empty() {
        return None;
    }
    let by_issuer = issued_locally.iter().find_map(|i| {
        [Some(&i.issuer), i.issuer_translated.as_ref()]
            .into_iter()
            .flatten()
            .find_map(|printed| local_bodies(printed).first().map(|(_, r)| r.place()))
    });
    by_issuer.or_else(|| named_in(&act.title, str::to_string).map(|(r, _)| r.place()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the table is read, and each names itself in its own citation words.
    #[test]
    fn every_region_row_is_read_and_names_itself() {
        let lines = REGION_TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(regions().len(), lines - 1);
        for r in regions() {
            let kk = format!("{} мәслихатының", r.kk);
            let ru = format!("маслихата {}", r.ru);
            for printed in [kk, ru] {
                let found = local_bodies(&printed);
                assert_eq!(
                    found
                        .iter()
                        .map(|(b, r)| (b.slug, r.slug))
                        .collect::<Vec<_>>(),
                    [("maslikhat", r.slug)],
                    "{printed}"
                );
            }
        }
    }

    /// The local bodies as real texts print them: the Almaty oblast maslikhat's decisions
    /// (150276's repeal note, the approval stamps of its Kazakh texts, 89455's Russian
    /// control clause) and the Astana maslikhat's decision 134470.
    #[test]
    fn local_bodies_as_printed() {
        let cases = [
            ("Утратило силу решением маслихата Алматинской области от 13 августа 2024 года № 25-125", "maslikhat", "almaty"),
            ("Алматы облыстық мәслихатының 2019 жылғы «____»", "maslikhat", "almaty"),
            ("решению Алматинского областного маслихата от «___»", "maslikhat", "almaty"),
            ("Утратило силу решением маслихата города Астаны от 28 ноября 2025 года № 346/46-VIII", "maslikhat", "astana"),
            ("туралы» Нұр-Сұлтан қаласы мәслихатының 2019 жылғы 23", "maslikhat", "nur-sultan"),
            ("изменения в решение маслихата города Нур-Султан от", "maslikhat", "nur-sultan"),
        ];
        for (printed, body, region) in cases {
            let found: Vec<(&str, &str)> = local_bodies(printed)
                .iter()
                .map(|(b, r)| (b.slug, r.slug))
                .collect();
            assert_eq!(found, [(body, region)], "{printed}");
        }
        // A body with no region next to it names none (`акима области`).
        assert!(local_bodies("возложить на заместителя акима области С. Бескемпирова").is_empty());
    }
    /// A place named in a question in any case and script, the longest name first; a
    /// region's adjective alone, a word merely starting like a place, and a city's name
    /// before «облысы» / «области» name no other place than the oblast.
    #[test]
    fn places_named_in_questions() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "правила содержания собак в Алматы",
                Some(("almaty-city", "Алматы")),
            ),
            ("Алматыда ит ұстау", Some(("almaty-city", "Алматыда"))),
            (
                "Алматы облысында ит ұстау",
                Some(("almaty", "Алматы облысында")),
            ),
            (
                "в Алматинской области",
                Some(("almaty", "Алматинской области")),
            ),
            (
                "Астана қаласында ит ұстау қағидалары",
                Some(("astana", "Астана қаласында")),
            ),
            ("правила выгула собак в Астане", Some(("astana", "Астане"))),
            ("в городе Астане", Some(("astana", "городе Астане"))),
            (
                "в Карагандинской области",
                Some(("karaganda", "Карагандинской области")),
            ),
            (
                "Қарағанды облысының әкімдігі",
                Some(("karaganda", "Қарағанды облысының")),
            ),
            ("в Караганде", Some(("karaganda", "Караганде"))),
            ("Шымкентте", Some(("shymkent", "Шымкентте"))),
            ("алматинский маслихат", None),
            ("права казахстанцев", None),
            ("астанавливать", None),
        ];
        for (text, want) in cases {
            let got = named_in(text, str::to_string).map(|(r, w)| (r.slug, w.join(" ")));
            assert_eq!(
                got,
                want.map(|(slug, words)| (slug, words.to_string())),
                "{text}"
            );
        }
    }
}
