//! The weights of a query word's clauses, shared by the stages that search words: the compile
//! ([`super::compile`]), the first stage ([`super::first_stage`]) and the helpers whose clauses
//! rank beside or below a word's own matches (numbers, translations, compounds).

/// Boost of each text field.
pub const BOOST_EXACT: f32 = 3.0;
pub const BOOST_STEM: f32 = 2.0;
pub const BOOST_LOOSE: f32 = 1.0;
pub const BOOST_HEADING_STEM: f32 = 4.0;
pub const BOOST_HEADING_LOOSE: f32 = 2.0;
pub const BOOST_TITLE_STEM: f32 = 0.6;
pub const BOOST_TITLE_LOOSE: f32 = 0.3;
/// Boost of the words a unit's ancestors say about it (headings, list lead-ins): below its
/// own text, so a unit that has a word itself ranks first.
pub const BOOST_CONTEXT: f32 = 0.8;
/// Share of the non-best fields' scores added to the best one.
pub const TIE_BREAKER: f32 = 0.1;

/// Boost of a thesaurus alternative's clause: its best field scores below the word's own stem
/// matches ([`BOOST_STEM`]).
pub const BOOST_SYNONYM: f32 = 0.4;
