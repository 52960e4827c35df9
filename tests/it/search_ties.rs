//! Hits of equal score come in the same order whatever build of the index holds them: three
//! maslikhat decisions of `evals/corpus` end with the same commencement clause, word for word,
//! which a question about it finds with equal scores. One index is built from the three at
//! once, another one act at a time in the reverse order (each a refresh, its act's units in a
//! segment of their own): their document addresses differ, their hits must not.

use zanlex::SearchRequest;

/// Three decisions whose point 2 reads «Настоящее решение вводится в действие по истечении
/// десяти календарных дней после дня его первого официального опубликования.» (kk «Осы шешім
/// … қолданысқа енгізіледі.»).
const ACTS: [&str; 3] = [
    "local-astana/08-local-decisions/150-goroda-nur-sultan/15000000-goroda-nur-sultan/2021/0331-ob-okazanii-dopolnitelnoi-sotsialnoi-pomoshchi-otdelnym-kategori-154496",
    "local-astana/08-local-decisions/150-goroda-nur-sultan/15000000-goroda-nur-sultan/2021/1124-ob-utverzhdenii-polozheniia-o-nagrazhdenii-pochetnoi-gramotoi-go-161429",
    "local-astana/08-local-decisions/151-goroda-astany/15100000-goroda-astany/2025/1112-ob-utverzhdenii-pravil-obshchego-vodopolzovaniia-v-gorode-astane-217031",
];

/// An index of [`ACTS`] taken in `order`: all in one build, or one build (then refreshes) per
/// act.
fn index_of(order: &[usize], one_at_a_time: bool) -> (tempfile::TempDir, zanlex::ZanIndex) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("evals/corpus");
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let opts = zanlex::BuildOptions::default();
    for &i in order {
        let from = root.join(ACTS[i]);
        crate::common::copy_dir(&from, &corpus.join(from.file_name().expect("a folder")));
        if one_at_a_time {
            crate::common::build_clean(&corpus, dir.path().join("index"), &opts);
        }
    }
    let index = crate::common::build_clean(&corpus, dir.path().join("index"), &opts);
    (dir, index)
}

/// The hits of `q`, each as its score and `act#eid lang`.
fn hits(index: &zanlex::ZanIndex, q: &str) -> Vec<(f32, String)> {
    index
        .search(&SearchRequest::new(q).limit(6))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .iter()
        .map(|h| (h.score, format!("{}#{} {}", h.act.id, h.unit.eid, h.lang)))
        .collect()
}

/// Equal scores go by the key of their act's expression (a fixed hash of the act's id and
/// language), then by their place in the act: the same order in both builds. Before, they
/// went by document address, and the build one act at a time had them the other way round.
#[test]
fn equal_scores_come_in_the_same_order_in_every_build() {
    let (_a, at_once) = index_of(&[0, 1, 2], false);
    let (_b, one_by_one) = index_of(&[2, 1, 0], true);
    let q = "решение вводится в действие по истечении десяти календарных дней";
    let first = hits(&at_once, q);
    assert_eq!(hits(&one_by_one, q), first);
    // The clause itself, read as asking when a decision takes effect: the decisions' own
    // commencement points with one score (an act's twin after its unit, as that reading
    // orders them); then units of one act's attachment, tied at a lower score.
    assert!(
        first[..4].iter().all(|(s, _)| *s == first[0].0),
        "{first:?}"
    );
    assert!(
        first[4..].iter().all(|(s, _)| *s == first[4].0),
        "{first:?}"
    );
    let ids: Vec<&str> = first.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "maslikhat-decision-2021-11-24-110-15-vii#para_2 ru",
            "maslikhat-decision-2021-11-24-110-15-vii#para_2 kk",
            "maslikhat-decision-2021-03-31-29-3-vii#para_2 ru",
            "maslikhat-decision-2025-11-12-339-45-viii#para_2 ru",
            "maslikhat-decision-2021-11-24-110-15-vii#att_1__para_11__subpara_6 ru",
            "maslikhat-decision-2021-11-24-110-15-vii#att_1__para_4 ru",
        ]
    );
}
