//! One value in each language ([`ByLang`]): what an answer holds per language, keyed by
//! [`Lang`], so that a language added to [`Lang`] is a key of every such answer without a
//! field of its own anywhere.

use super::Lang;
use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::collections::BTreeMap;

/// A value for each language of [`Lang::ALL`], read with [`ByLang::get`] or `[lang]`,
/// iterated Kazakh first. In JSON it is an object keyed by each language's code, every key
/// always present (`{"kk": …, "ru": …}`; `null` where the value is an empty `Option`).
///
/// ```
/// use zanlex::{ByLang, Lang};
/// let names = ByLang::from_fn(|lang| format!("text in {lang}"));
/// assert_eq!(names[Lang::Ru], "text in ru");
/// assert_eq!(serde_json::to_string(&names).unwrap(), r#"{"kk":"text in kk","ru":"text in ru"}"#);
/// let units: ByLang<Option<u32>> = ByLang::from_fn(|lang| (lang == Lang::Kk).then_some(7));
/// assert_eq!(serde_json::to_string(&units).unwrap(), r#"{"kk":7,"ru":null}"#);
/// assert_eq!(units.iter().next(), Some((Lang::Kk, &Some(7))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ByLang<T> {
    /// In the order of [`Lang::ALL`].
    values: [T; Lang::ALL.len()],
}

impl<T> ByLang<T> {
    /// The value of each language, `f` called for each in the order of [`Lang::ALL`].
    pub fn from_fn(f: impl FnMut(Lang) -> T) -> Self {
        ByLang {
            values: Lang::ALL.map(f),
        }
    }

    /// The value of `lang`.
    pub fn get(&self, lang: Lang) -> &T {
        &self.values[lang.index()]
    }

    /// The value of `lang`, to change.
    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        &mut self.values[lang.index()]
    }

    /// Each language with its value, Kazakh first.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &T)> {
        Lang::ALL.into_iter().zip(self.values.iter())
    }

    /// Each language with its value to change, Kazakh first.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (Lang, &mut T)> {
        Lang::ALL.into_iter().zip(self.values.iter_mut())
    }

    /// Each language's value made into another by `f`.
    pub fn map<U>(&self, mut f: impl FnMut(Lang, &T) -> U) -> ByLang<U> {
        ByLang::from_fn(|lang| f(lang, self.get(lang)))
    }
}

impl<T> std::ops::Index<Lang> for ByLang<T> {
    type Output = T;

    fn index(&self, lang: Lang) -> &T {
        self.get(lang)
    }
}

impl<T> std::ops::IndexMut<Lang> for ByLang<T> {
    fn index_mut(&mut self, lang: Lang) -> &mut T {
        self.get_mut(lang)
    }
}

impl<T: Serialize> Serialize for ByLang<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Lang::ALL.len()))?;
        for (lang, value) in self.iter() {
            map.serialize_entry(lang.as_str(), value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ByLang<T> {
    /// Every language's key is required (`null` for an empty `Option`, as sent).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut read: BTreeMap<Lang, T> = BTreeMap::deserialize(deserializer)?;
        let mut values = Vec::with_capacity(Lang::ALL.len());
        for lang in Lang::ALL {
            let value = read.remove(&lang);
            values.push(value.ok_or_else(|| D::Error::missing_field(lang.as_str()))?);
        }
        let values = values
            .try_into()
            .map_err(|_| D::Error::custom("not one value per language"))?;
        Ok(ByLang { values })
    }
}

/// The OpenAPI schema of an answer type holding a [`ByLang`]: an object with a property for
/// each language, each required, described by `field` (`In Kazakh.`), each language's value
/// of the schema `column` gives.
#[cfg(feature = "openapi")]
pub(crate) fn object_schema(
    description: &str,
    field: impl Fn(Lang) -> String,
    column: impl Fn(String) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    let mut object = utoipa::openapi::schema::ObjectBuilder::new().description(Some(description));
    for lang in Lang::ALL {
        object = object
            .property(lang.as_str(), column(field(lang)))
            .required(lang.as_str());
    }
    object.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_is_a_key_in_its_order_and_read_back() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), i);
        }
        let both: ByLang<Option<String>> =
            ByLang::from_fn(|l| (l == Lang::Ru).then(|| "б".to_string()));
        let json = serde_json::to_string(&both).unwrap();
        assert_eq!(json, r#"{"kk":null,"ru":"б"}"#);
        assert_eq!(
            serde_json::from_str::<ByLang<Option<String>>>(&json).unwrap(),
            both
        );
        let err = serde_json::from_str::<ByLang<Option<String>>>(r#"{"kk":null}"#).unwrap_err();
        assert!(err.to_string().contains("missing field `ru`"), "{err}");
    }
}
