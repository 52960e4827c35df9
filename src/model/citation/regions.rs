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
}

/// The region table as written.
const REGION_TABLE: &str = include_str!("../../../data/regions.tsv");

/// The rows of `table`: every line that is no comment, no blank and not the header, with
/// its five columns.
fn region_rows(table: &'static str) -> Vec<Region> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&'static str> = l.split('\t').map(str::trim).collect();
            let [slug, kk, ru, names, source] = cols.as_slice() else {
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
            Some(Region {
                slug,
                kk,
                ru,
                names,
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
}
