//! The serde deserializer the boundary reads JavaScript values with: settings, options and
//! profiles, into the boundary's types. An error names the path of the value and what it
//! must be (`incoming.port`, `a number or text`); an exception thrown while a value is read
//! (a getter, a proxy) comes back as it is.
//!
//! Why not serde-wasm-bindgen's deserializer, which the package uses for every value it
//! writes: its error path writes the unexpected value into the message, and with it Rust's
//! float formatting (about 14 KB of code and tables before compression). With it, and
//! functions naming each field's path: `maillint_bg.wasm` 160,247 bytes gzip; with this one:
//! 146,030, 14,217 less (`scripts/build-wasm.sh`, the same code otherwise). This one reads
//! only what the boundary's types ask for: objects by their fields, arrays, text, numbers,
//! true or false.

use std::fmt;

use serde::de::{self, DeserializeSeed, Expected, IntoDeserializer, Unexpected, Visitor};
use wasm_bindgen::prelude::*;

use super::absent;

/// Why a value could not be read.
#[derive(Debug)]
pub enum Error {
    /// A value of the wrong type at `path`, and what it must be.
    Wrong { path: String, wants: String },
    /// Reading it threw (a getter, a proxy): the exception.
    Threw(JsValue),
}

impl Error {
    /// The error with `step` (a field's name or `[index]`) put in front of its path.
    fn at(self, step: &str) -> Error {
        match self {
            Error::Wrong { path, wants } => Error::Wrong {
                path: joined(step, &path),
                wants,
            },
            threw => threw,
        }
    }
}

/// `path` read under `front` (a field's name, `[index]`, or the root's name): a dot between
/// them unless `path` is empty or starts with an index.
pub fn joined(front: &str, path: &str) -> String {
    if path.is_empty() || path.starts_with('[') {
        format!("{front}{path}")
    } else {
        format!("{front}.{path}")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Wrong { path, wants } => write!(f, "{path} must be {wants}"),
            Error::Threw(_) => f.write_str("reading the value threw"),
        }
    }
}

impl std::error::Error for Error {}

/// What a value must be, in words, from what serde expected of it: our own types say it
/// themselves (`must be …`), serde's say "a string", "a boolean", "struct …", "a sequence".
fn wants(expected: &str) -> String {
    if let Some(own) = expected.strip_prefix("must be ") {
        return own.to_string();
    }
    if expected.starts_with("a string") {
        "text"
    } else if expected.starts_with("a boolean") {
        "true or false"
    } else if expected.starts_with("a sequence") {
        "an array"
    } else {
        "an object"
    }
    .to_string()
}

/// An error saying what was expected, made in one place for every type.
fn expected(what: &dyn fmt::Display) -> Error {
    Error::Wrong {
        path: String::new(),
        wants: wants(&what.to_string()),
    }
}

/// A value of a type `visitor` does not take.
fn refused(visitor: &dyn Expected) -> Error {
    expected(&format_args!("{visitor}"))
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        expected(&message)
    }

    // The unexpected value is not written into the error: only what was expected is.
    fn invalid_type(_: Unexpected, what: &dyn Expected) -> Error {
        expected(&format_args!("{what}"))
    }

    fn invalid_value(_: Unexpected, what: &dyn Expected) -> Error {
        expected(&format_args!("{what}"))
    }

    fn invalid_length(_: usize, what: &dyn Expected) -> Error {
        expected(&format_args!("{what}"))
    }
}

/// A JavaScript value to read. `present`: it is known to be neither `undefined` nor `null`
/// (an object's field that was found), so an optional field is `Some` without asking
/// JavaScript again: one call fewer for each field of every check's settings.
pub struct FromJs {
    value: JsValue,
    present: bool,
}

impl FromJs {
    pub fn new(value: JsValue) -> FromJs {
        FromJs {
            value,
            present: false,
        }
    }
}

thread_local! {
    /// The value a [`Preserved`] field is being read from (see there).
    static PRESERVING: std::cell::RefCell<JsValue> =
        const { std::cell::RefCell::new(JsValue::UNDEFINED) };
}

/// The name by which a [`Preserved`] field asks the deserializer for its value as it is.
const PRESERVE: &str = "maillint::Preserved";

/// A field kept as the JavaScript value it is (a function, a profile in either form),
/// checked by the code that uses it.
#[derive(Debug, Default, Clone)]
pub struct Preserved(pub JsValue);

impl<'de> de::Deserialize<'de> for Preserved {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Preserved, D::Error> {
        struct Take;
        impl<'de> Visitor<'de> for Take {
            type Value = Preserved;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_unit<E>(self) -> Result<Preserved, E> {
                Ok(Preserved(
                    PRESERVING.with(|p| p.replace(JsValue::UNDEFINED)),
                ))
            }
        }
        d.deserialize_newtype_struct(PRESERVE, Take)
    }
}

impl<'de> de::Deserializer<'de> for FromJs {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = &self.value;
        if !self.present && absent(value) {
            visitor.visit_unit()
        } else if let Some(b) = value.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = value.as_f64() {
            visitor.visit_f64(n)
        } else if let Some(s) = value.as_string() {
            visitor.visit_string(s)
        } else if js_sys::Array::is_array(value) {
            self.deserialize_seq(visitor)
        } else {
            Err(refused(&visitor))
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !self.present && absent(&self.value) {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.as_bool() {
            Some(b) => visitor.visit_bool(b),
            None => Err(refused(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.as_string() {
            Some(s) => visitor.visit_string(s),
            None => Err(refused(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !js_sys::Array::is_array(&self.value) {
            return Err(refused(&visitor));
        }
        let array = js_sys::Array::from(&self.value);
        visitor.visit_seq(Items {
            length: array.length(),
            array,
            at: 0,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if !self.value.is_object() || js_sys::Array::is_array(&self.value) {
            return Err(refused(&visitor));
        }
        visitor.visit_map(Fields {
            object: self.value,
            fields: fields.iter(),
            value: None,
        })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == PRESERVE {
            PRESERVING.with(|p| p.replace(self.value));
            return visitor.visit_unit();
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        tuple tuple_struct map enum identifier
    }
}

/// An object read by the fields its type names, in their order; an absent field
/// (`undefined` or `null`) is left to the type's default.
struct Fields {
    object: JsValue,
    fields: std::slice::Iter<'static, &'static str>,
    /// The field whose value is next, and the value.
    value: Option<(&'static str, JsValue)>,
}

/// `object[name]`, with each field's name made into a JavaScript string once: the same few
/// names are read on every keystroke.
fn field_of(object: &JsValue, name: &'static str) -> Result<JsValue, JsValue> {
    thread_local! {
        static KEYS: std::cell::RefCell<Vec<(usize, JsValue)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    KEYS.with(|keys| {
        let id = name.as_ptr() as usize;
        if let Some((_, key)) = keys.borrow().iter().find(|(k, _)| *k == id) {
            return js_sys::Reflect::get(object, key);
        }
        let key = JsValue::from_str(name);
        let value = js_sys::Reflect::get(object, &key);
        keys.borrow_mut().push((id, key));
        value
    })
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        for &field in self.fields.by_ref() {
            let value = field_of(&self.object, field).map_err(Error::Threw)?;
            if absent(&value) {
                continue;
            }
            self.value = Some((field, value));
            let key: de::value::StrDeserializer<'_, Error> = field.into_deserializer();
            return seed.deserialize(key).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.value.take() {
            Some((field, value)) => seed
                .deserialize(FromJs {
                    value,
                    present: true,
                })
                .map_err(|e| e.at(field)),
            None => seed.deserialize(FromJs::new(JsValue::UNDEFINED)),
        }
    }
}

/// An array read item by item.
struct Items {
    array: js_sys::Array,
    length: u32,
    at: u32,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.at >= self.length {
            return Ok(None);
        }
        let index = self.at;
        self.at += 1;
        seed.deserialize(FromJs::new(self.array.get(index)))
            .map(Some)
            .map_err(|e| e.at(&format!("[{index}]")))
    }
}
