//! A calendar day, as the providers' dated changes name it and the caller gives today
//! ([`crate::context::Options::today`]). Below both the provider data and the messages, which
//! write it in each locale's way.

/// A calendar day as the number YYYYMMDD: it orders as the days do, and is all the engine
/// compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub u32);

impl Day {
    /// A day from its year, month (1–12) and day of the month (1–31), if those are in range.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Day> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
            .then_some(Day(year * 10_000 + month * 100 + day))
    }

    /// A day written `YYYY-MM-DD` (ISO 8601, as `<input type="date">` gives it).
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        Day::new(number(0..4)?, number(5..7)?, number(8..10)?)
    }

    pub fn year(self) -> u32 {
        self.0 / 10_000
    }
    pub fn month(self) -> u32 {
        self.0 / 100 % 100
    }
    pub fn day(self) -> u32 {
        self.0 % 100
    }
}
