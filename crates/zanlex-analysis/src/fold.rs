//! Folding to a keyboard/script skeleton, for the `loose` field and loose queries.
//!
//! Many users type Kazakh on a Russian keyboard (`туракты` for `тұрақты`) or in Latin script —
//! the 2021 state alphabet (`turaqty`), its 2017 apostrophe and 2018 acute variants (`turaqty`,
//! `a'` / `á`), or informal Latin (`sh`, `zh`, `gh`, `ng`, `kh`). All of them fold to one Cyrillic
//! skeleton:
//! - қ→к, ғ→г, ң→н, ө→о, ұ/ү→у, ә→а, һ→х; і, и, й, ы → и (one class, runs collapsed);
//!   `нг` → `н` (informal `ng` is ң or н+г);
//! - я→иа, ю→иу, ё→ио (so `ia`/`ya` meet them), ц→тс, щ→ш, э→е, ъ/ь dropped;
//! - Latin letters map by the table of `kazakh-latin-2021.tsv` and its variants.
//!
//! ```
//! use zanlex_analysis::fold::fold;
//! assert_eq!(fold("тұрақты"), fold("туракты"));
//! assert_eq!(fold("тұрақты"), fold("turaqty"));
//! assert_eq!(fold("қазақстан"), fold("qazaqstan"));
//! ```

/// Folds one lowercased token (Cyrillic, Latin or mixed) to the skeleton.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    fold_into(word, &mut out);
    out
}

/// `г` after `н` is dropped: `теңге`, `tenge`, `kenges`, `Кеңес` fold alike.
fn push_g(out: &mut String) {
    if !out.ends_with('н') {
        out.push('г');
    }
}

fn push_i(out: &mut String) {
    if !out.ends_with('и') {
        out.push('и');
    }
}

/// Folds `word` into `out` (appending).
pub fn fold_into(word: &str, out: &mut String) {
    // One character of lookahead, without collecting the word into a `Vec<char>` (the
    // snippet builder folds every token prefix of every hit).
    let mut chars = word.chars();
    let mut next = chars.next();
    while let Some(c) = next {
        next = chars.next();
        // 2017 apostrophe letters.
        let apos = matches!(next, Some('\'' | '’' | 'ʼ' | '`'));
        let letter = if apos { apostrophe_letter(c) } else { None };
        if let Some(m) = letter {
            if m == "и" {
                push_i(out);
            } else {
                out.push_str(m);
            }
            next = chars.next();
            continue;
        }
        if let Some(d) = digraph(c, next) {
            out.push_str(d);
            next = chars.next();
            continue;
        }
        push_folded(c, out);
    }
}

/// The letter a 2017 Latin letter followed by an apostrophe stands for (`s'` → `ш`).
#[inline]
fn apostrophe_letter(c: char) -> Option<&'static str> {
    match c {
        'a' => Some("а"),
        'g' => Some("г"),
        'n' => Some("н"),
        'o' => Some("о"),
        's' => Some("ш"),
        'c' => Some("ч"),
        'u' | 'y' => Some("у"),
        'i' => Some("и"),
        _ => None,
    }
}

/// Informal Latin digraphs: what `c` followed by `next` stands for.
#[inline]
fn digraph(c: char, next: Option<char>) -> Option<&'static str> {
    match (c, next) {
        ('s', Some('h')) => Some("ш"),
        ('c', Some('h')) => Some("ч"),
        ('z', Some('h')) => Some("ж"),
        ('k', Some('h')) => Some("х"),
        ('g', Some('h')) => Some("г"),
        ('a', Some('e')) => Some("а"),
        ('o', Some('e')) => Some("о"),
        ('u', Some('e')) => Some("у"),
        // `ng` is ң (`kenges`) or н+г (`tenge`): the skeleton writes both as н.
        ('n', Some('g')) => Some("н"),
        _ => None,
    }
}

/// Folds one character (Cyrillic or Latin) into `out`.
#[inline]
fn push_folded(c: char, out: &mut String) {
    match c {
        // Cyrillic
        'қ' => out.push('к'),
        'ғ' | 'г' => push_g(out),
        'ң' => out.push('н'),
        'ө' => out.push('о'),
        'ұ' | 'ү' => out.push('у'),
        'ә' => out.push('а'),
        'һ' | 'х' => out.push('х'),
        'і' | 'и' | 'й' | 'ы' => push_i(out),
        'я' => {
            push_i(out);
            out.push('а')
        }
        'ю' => {
            push_i(out);
            out.push('у')
        }
        'ё' => {
            push_i(out);
            out.push('о')
        }
        'ц' => out.push_str("тс"),
        'щ' => out.push('ш'),
        'э' => out.push('е'),
        'ъ' | 'ь' => {}
        // Latin (2021, 2017, 2018, informal)
        'a' | 'á' | 'ä' | 'à' | 'â' | 'ə' => out.push('а'),
        'b' => out.push('б'),
        'c' => out.push_str("тс"),
        'ç' => out.push('ч'),
        'd' => out.push('д'),
        'e' | 'é' | 'è' | 'ê' | 'ë' => out.push('е'),
        'f' => out.push('ф'),
        'g' | 'ğ' | 'ǵ' => push_g(out),
        'h' | 'x' => out.push('х'),
        'i' | 'ı' | 'í' | 'ì' | 'î' | 'ï' | 'y' => push_i(out),
        'j' => out.push('ж'),
        'k' | 'q' => out.push('к'),
        'l' => out.push('л'),
        'm' => out.push('м'),
        'n' | 'ñ' | 'ń' => out.push('н'),
        'o' | 'ó' | 'ö' | 'ò' | 'ô' => out.push('о'),
        'p' => out.push('п'),
        'r' => out.push('р'),
        's' => out.push('с'),
        'ş' | 'ś' => out.push('ш'),
        't' => out.push('т'),
        'u' | 'ū' | 'ü' | 'ú' | 'ù' | 'û' | 'ý' | 'w' => out.push('у'),
        'v' => out.push('в'),
        'z' | 'ź' => out.push('з'),
        '\'' | '’' | 'ʼ' | '`' => {}
        _ => out.push(c),
    }
}

/// True when the token has Latin letters (it is Latin-script Kazakh or a foreign word).
pub fn has_latin(word: &str) -> bool {
    word.chars()
        .any(|c| (c as u32) < 0x0250 && c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::{apostrophe_letter, digraph, fold, fold_into, push_folded, push_i};

    #[allow(clippy::all)]
    /// The former `fold_into` (characters collected first), the reference of the test below.
    fn fold_into_reference(word: &str, out: &mut String) {
        let chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        let mut k = 0;
        while k < n {
            let c = chars[k];
            let next = chars.get(k + 1).copied();
            let apos = matches!(next, Some('\'' | '’' | 'ʼ' | '`'));
            // The letter tables are shared: what this reference keeps is the former walk.
            if let Some(m) = apos.then(|| apostrophe_letter(c)).flatten() {
                if m == "и" {
                    push_i(out);
                } else {
                    out.push_str(m);
                }
                k += 2;
                continue;
            }
            if let Some(d) = digraph(c, next) {
                out.push_str(d);
                k += 2;
                continue;
            }
            push_folded(c, out);
            k += 1;
        }
    }

    #[test]
    fn lookahead_fold_agrees_with_the_former_one() {
        let alphabet: Vec<char> = "aeiouyghnkcszq'’ʼ`ıáǵńóúýşçğñöüəжшқғңөұүһіиыйяюёцщэъьнгх1-"
            .chars()
            .collect();
        let (mut a, mut b) = (String::new(), String::new());
        let mut w = String::new();
        for &x in &alphabet {
            for &y in &alphabet {
                for &z in &alphabet {
                    w.clear();
                    w.extend([x, y, z]);
                    a.clear();
                    b.clear();
                    fold_into(&w, &mut a);
                    fold_into_reference(&w, &mut b);
                    assert_eq!(a, b, "{w:?}");
                }
            }
        }
    }

    #[test]
    fn scripts_meet() {
        for w in ["тұрақты", "туракты", "turaqty", "turaqtı", "tura'qty"] {
            assert_eq!(fold(w), "туракти", "{w}");
        }
        assert_eq!(fold("shyǵarý"), fold("шығару"));
        assert_eq!(fold("sh'ig'ary"), "шигари");
    }
}
