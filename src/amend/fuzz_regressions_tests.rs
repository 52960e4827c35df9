//! Inputs the fuzz targets in `fuzz/` found to crash zanlex, minimized, each fed through the
//! same public entry as its target, with the behaviour that is right for it.

use crate::amend::instructions::parse_target_act;
use crate::ActKind;
use chrono::NaiveDate;

/// `amend`: a target act's title closed by `»` (two bytes in UTF-8) sliced the header one byte
/// past the quote, inside the `»`.
#[test]
fn target_act_title_in_guillemets() {
    let header = "«Көшіп келушілер туралы» Қазақстан Республикасы Үкіметінің 2012 жылғы \
                  21 қаңтардағы № 148 қаулысына мынадай өзгерістер ";
    let target = parse_target_act(header).expect("a target act");
    assert_eq!(target.title.as_deref(), Some("Көшіп келушілер туралы"));
    assert_eq!(target.kind, ActKind::Resolution);
    assert_eq!(target.issuer_code, "government");
    assert_eq!(target.date, NaiveDate::from_ymd_opt(2012, 1, 21));
    assert_eq!(target.number.as_deref(), Some("148"));
    // The fuzzer's own input, a note of an exported code: quotes, nothing after them.
    let note = "> *Ескерту. Бүкіл мәтін бойынша «оралман» деген сөз «қандас» деген сөзбен";
    let quoted = parse_target_act(note).expect("a quoted title");
    assert_eq!(quoted.title.as_deref(), Some("оралман"));
    assert_eq!(
        (quoted.kind, quoted.date, quoted.number),
        (ActKind::Other, None, None)
    );
    let empty = parse_target_act("«»").expect("an empty title");
    assert_eq!(empty.title.as_deref(), Some(""));
}
