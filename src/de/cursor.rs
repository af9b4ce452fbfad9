//! A strict JSON reader for the direct readers of the commonest bodies (LeaseCloud's orders):
//! it reads only the plainest spelling of a value and answers `None` to anything else, which
//! sends the body on to serde_json.
//!
//! So a direct reader has to be right only about what it accepts. Whatever it declines,
//! serde_json reads (or refuses, with its precise error) exactly as it would have anyway. What
//! the cursor declines:
//!
//! - a string with an escape sequence or a control character;
//! - where an integer is read, anything but an optional minus and at most 18 digits (no
//!   fraction, exponent, leading zero or `-0`);
//! - in a skipped value, nesting deeper than [`MAX_SKIPPED_DEPTH`];
//! - anything that is not JSON.
//!
//! Everything it accepts is JSON that serde_json accepts too, read to the same value: the
//! grammar below is RFC 8259's, the whitespace serde_json's.

/// How deep a skipped value may nest before the cursor declines it (serde_json allows 128).
const MAX_SKIPPED_DEPTH: usize = 32;

/// The most digits of an integer the cursor reads: 18 always fit in an `i64`.
const MAX_INTEGER_DIGITS: usize = 18;

/// A position in a JSON text. Every method consumes what it read and returns `None` when it
/// declines, leaving the cursor anywhere: a declined body is read again from the start.
#[derive(Clone)]
pub(crate) struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Cursor { text, at: 0 }
    }

    fn rest(&self) -> &'a [u8] {
        self.text.as_bytes().get(self.at..).unwrap_or_default()
    }

    /// The next byte that is not whitespace, which is not consumed.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        // In a compact body no whitespace lies between tokens: no loop is needed then.
        match self.rest().first() {
            Some(b' ' | b'\n' | b'\r' | b'\t') => self.skip_blanks(),
            next => next.copied(),
        }
    }

    /// [`Self::peek`] past whitespace.
    fn skip_blanks(&mut self) -> Option<u8> {
        let blanks = self
            .rest()
            .iter()
            .take_while(|byte| matches!(byte, b' ' | b'\n' | b'\r' | b'\t'))
            .count();
        self.at += blanks;
        self.rest().first().copied()
    }

    /// Consumes `byte` if it comes next, whitespace before it allowed.
    #[inline]
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Consumes `byte` if it is the very next one.
    fn accept(&mut self, byte: u8) -> bool {
        let next = self.rest().first() == Some(&byte);
        if next {
            self.at += 1;
        }
        next
    }

    /// Consumes `word` (`true`, `false` or `null`) if it comes next.
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.peek()?;
        self.rest().starts_with(word).then(|| self.at += word.len())
    }

    /// Consumes `null` if it comes next.
    pub(crate) fn null(&mut self) -> bool {
        self.literal(b"null").is_some()
    }

    /// A string, borrowed from the text.
    pub(crate) fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        let len = string_len(self.rest())?;
        self.at += len;
        // An escape or a control character: serde_json decodes the one, refuses the other.
        self.accept(b'"').then_some(())?;
        self.text.get(start..start + len)
    }

    /// A string, or `None` for `null`.
    pub(crate) fn optional_string(&mut self) -> Option<Option<&'a str>> {
        if self.null() {
            return Some(None);
        }
        self.string().map(Some)
    }

    /// An integer spelled plainly (see the module's documentation).
    pub(crate) fn integer(&mut self) -> Option<i64> {
        self.peek()?;
        let negative = self.accept(b'-');
        let rest = self.rest();
        let count = rest.iter().take_while(|byte| byte.is_ascii_digit()).count();
        let digits = rest.get(..count).filter(|_| count <= MAX_INTEGER_DIGITS)?;
        let value = digits
            .iter()
            .fold(0, |value: i64, digit| value * 10 + i64::from(digit - b'0'));
        let leading_zero = count > 1 && digits.first() == Some(&b'0');
        if count == 0 || leading_zero || (negative && value == 0) {
            return None;
        }
        self.at += count;
        match self.rest().first() {
            Some(b'.' | b'e' | b'E') => None,
            _ => Some(if negative { -value } else { value }),
        }
    }

    /// Steps over one value of any type, checking that it is JSON.
    pub(crate) fn skip_value(&mut self) -> Option<()> {
        self.skip_nested(0)
    }

    fn skip_nested(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' if depth < MAX_SKIPPED_DEPTH => {
                self.object(|cursor, _| cursor.skip_nested(depth + 1))
            }
            b'[' if depth < MAX_SKIPPED_DEPTH => self.array(|cursor| cursor.skip_nested(depth + 1)),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, whose value is not needed.
    fn number(&mut self) -> Option<()> {
        self.accept(b'-');
        if !self.accept(b'0') {
            self.digits()?;
        }
        if self.accept(b'.') {
            self.digits()?;
        }
        if self.accept(b'e') || self.accept(b'E') {
            let _sign = self.accept(b'+') || self.accept(b'-');
            self.digits()?;
        }
        Some(())
    }

    /// One digit or more.
    fn digits(&mut self) -> Option<()> {
        let count = self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        self.at += count;
        (count > 0).then_some(())
    }

    /// An object: `member` is called with each key, the cursor before its value, and must
    /// consume the value.
    pub(crate) fn object(
        &mut self,
        mut member: impl FnMut(&mut Self, &'a str) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            member(self, key)?;
            if self.eat(b',').is_none() {
                return self.eat(b'}');
            }
        }
    }

    /// An object read with `in_order` (see [`InOrder`]), or, when it departs from that
    /// order, read again from its start with `any_order`.
    pub(crate) fn object_either<T>(
        &mut self,
        in_order: impl FnOnce(&mut InOrder<'_, 'a>) -> Option<T>,
        any_order: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<T> {
        let start = self.clone();
        let read = self.eat(b'{').and_then(|()| {
            let mut members = InOrder {
                cursor: self,
                started: false,
            };
            let value = in_order(&mut members)?;
            members.cursor.eat(b'}')?;
            Some(value)
        });
        read.or_else(|| {
            *self = start;
            any_order(self)
        })
    }

    /// Consumes `name` (quotes included) if it comes next, spelled exactly so.
    #[inline]
    fn quoted(&mut self, name: Name) -> bool {
        self.peek(); // steps past whitespace; the comparison checks the quote
        let rest = self.rest();
        // One comparison of 16 bytes, not a call to `memcmp`: there is one per member.
        let spelled = match rest.first_chunk::<16>() {
            Some(head) => (u128::from_le_bytes(*head) ^ name.quoted) & name.mask == 0,
            None => rest.get(..name.len) == name.quoted.to_le_bytes().get(..name.len),
        };
        if spelled {
            self.at += name.len;
        }
        spelled
    }

    /// An array: `element` is called before each element and must consume it.
    pub(crate) fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        if self.eat(b']').is_some() {
            return Some(());
        }
        loop {
            element(self)?;
            if self.eat(b',').is_none() {
                return self.eat(b']');
            }
        }
    }

    /// Succeeds when nothing but whitespace is left.
    pub(crate) fn end(&mut self) -> Option<()> {
        self.peek().is_none().then_some(())
    }
}

/// The members of an object in the one order a provider sends them, read one after the other
/// by straight-line code: for each, a comparison with its known name, then its value.
///
/// That is the commonest body's fast path. A member read by name in a loop costs a scan for
/// the end of the name and a dispatch on it, both of which a processor mispredicts when a
/// server's other work has cleared its branch history; here every branch goes the same way
/// for every body in the provider's order. Any departure (another name, another order, a
/// member more or less) declines, and [`Cursor::object_either`] reads the object again by
/// name.
pub(crate) struct InOrder<'c, 'a> {
    cursor: &'c mut Cursor<'a>,
    started: bool,
}

impl<'a> InOrder<'_, 'a> {
    /// The next member, which must be named `name`, read by `value`.
    #[inline]
    pub(crate) fn member<T>(
        &mut self,
        name: Name,
        value: impl FnOnce(&mut Cursor<'a>) -> Option<T>,
    ) -> Option<T> {
        if self.started {
            self.cursor.eat(b',')?;
        }
        self.started = true;
        self.cursor.quoted(name).then_some(())?;
        self.cursor.eat(b':')?;
        value(self.cursor)
    }
}

/// A member name as [`InOrder::member`] compares it: quoted, in one 16-byte word.
#[derive(Clone, Copy)]
pub(crate) struct Name {
    /// `"name"`'s bytes, little-endian (the first byte lowest), zero above them.
    quoted: u128,
    /// Ones under those bytes.
    mask: u128,
    /// The quoted name's length.
    len: usize,
}

impl Name {
    /// `name`, which must be at most 14 bytes and need no escape. Meant for a `const`, so that
    /// a name too long fails to compile.
    pub(crate) const fn new(name: &str) -> Self {
        let len = name.len() + 2;
        assert!(
            len <= 16,
            "a member name read in order has at most 14 bytes"
        );
        let mut quoted = b'"' as u128;
        let mut shift = 8;
        let mut rest = name.as_bytes();
        while let [byte, tail @ ..] = rest {
            assert!(
                *byte != b'"' && *byte != b'\\' && *byte >= 0x20,
                "a name needs no escape"
            );
            quoted |= (*byte as u128) << shift;
            shift += 8;
            rest = tail;
        }
        quoted |= (b'"' as u128) << shift;
        let mask = match len {
            16 => u128::MAX,
            _ => (1 << (8 * len)) - 1,
        };
        Name { quoted, mask, len }
    }
}

/// [`Name::new`], evaluated at compile time.
macro_rules! name {
    ($name:literal) => {
        const { $crate::de::cursor::Name::new($name) }
    };
}
pub(crate) use name;

/// The length of the string at the start of `rest` (after its opening quote), up to the first
/// quote, backslash or control character; `None` when there is none.
///
/// Strings are most of a body, so they are scanned a word at a time: this classic bit trick
/// flags, in the top bit of each byte, the bytes of a word that are one of those. Bytes above
/// a flagged one may be flagged falsely (a borrow runs up the word), but the lowest flag is
/// always exact, and only the lowest is used.
fn string_len(rest: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const TOP_BITS: u64 = ONES << 7;
    /// The top bit of each byte of `word` that is zero, and possibly of some above one.
    fn zeros(word: u64) -> u64 {
        word.wrapping_sub(ONES) & !word & TOP_BITS
    }
    let mut words = rest.chunks_exact(8);
    let mut offset = 0;
    for chunk in words.by_ref() {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(chunk);
        let word = u64::from_le_bytes(bytes);
        let special = zeros(word ^ (ONES * u64::from(b'"')))
            | zeros(word ^ (ONES * u64::from(b'\\')))
            // Below 0x20: subtracting 0x20 borrows into the top bit, which was clear.
            | (word.wrapping_sub(ONES * 0x20) & !word & TOP_BITS);
        if special != 0 {
            // Little-endian: the lowest flagged byte comes first in the text.
            return Some(offset + special.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    let tail = words.remainder();
    let in_tail = tail
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)?;
    Some(offset + in_tail)
}

/// Stores the value of a member read once; `None` (decline) when it was read before, which
/// serde refuses as a duplicate field.
pub(crate) fn first<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skips(text: &str) -> bool {
        let mut cursor = Cursor::new(text);
        cursor.skip_value().and_then(|()| cursor.end()).is_some()
    }

    fn integer(text: &str) -> Option<i64> {
        let mut cursor = Cursor::new(text);
        cursor.integer().filter(|_| cursor.end().is_some())
    }

    /// Whatever the cursor accepts, serde_json accepts: checked on every case below.
    fn serde_accepts(text: &str) -> bool {
        serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    }

    #[test]
    fn a_string_ends_at_the_first_quote_backslash_or_control_character_wherever_it_lies() {
        for len in 0..40 {
            for stop in [b'"', b'\\', 0x00, 0x1f] {
                // Bytes just above and below the special ones, and non-ASCII, around the stop.
                let mut text: Vec<u8> = b"a#]!\x7f \xc3\xa9"
                    .iter()
                    .copied()
                    .cycle()
                    .take(len)
                    .collect();
                text.push(stop);
                text.extend_from_slice(b"\"\\x");
                assert_eq!(string_len(&text), Some(len), "{len} {stop}");
            }
            let plain = vec![b'x'; len];
            assert_eq!(string_len(&plain), None, "{len}");
        }
    }

    /// Whether `text` starts with the member `name` (whitespace before it allowed), and where
    /// the cursor stands after it.
    fn quoted_at(text: &str, name: Name) -> (bool, usize) {
        let mut cursor = Cursor::new(text);
        let spelled = cursor.quoted(name);
        (spelled, cursor.at)
    }

    #[test]
    fn a_name_matches_only_itself_quoted_however_near_the_end_of_the_text() {
        // Up to 14 bytes, the longest a name may have; the text after it from none to more than
        // the 16 bytes compared at once.
        for name_len in [1, 2, 7, 8, 13, 14] {
            let name: String = "shippingAmount".chars().take(name_len).collect();
            let packed = Name::new(&name);
            for after in ["", ":", ":1", r#":"0123456789abcdef""#] {
                let text = format!("\n  \"{name}\"{after}");
                let name_end = text.len() - after.len();
                assert_eq!(quoted_at(&text, packed), (true, name_end), "{text:?}");
                // One byte changed anywhere in the quoted name, or the name one byte longer or
                // shorter: no match, and the cursor is not moved past the blanks.
                for at in 3..name_end {
                    let mut changed = text.clone().into_bytes();
                    changed[at] ^= 0x20;
                    let changed = String::from_utf8(changed).expect("ASCII");
                    assert_eq!(quoted_at(&changed, packed), (false, 3), "{changed:?}");
                }
                let longer = format!("\n  \"{name}s\"{after}");
                assert_eq!(quoted_at(&longer, packed), (false, 3), "{longer:?}");
                let shorter = format!("\n  \"{}\"{after}", &name[..name_len - 1]);
                assert_eq!(quoted_at(&shorter, packed), (false, 3), "{shorter:?}");
            }
        }
        assert_eq!(quoted_at("", Name::new("id")), (false, 0));
        assert_eq!(quoted_at("\"i", Name::new("id")), (false, 0));
    }

    #[test]
    fn integers_are_read_only_when_plain() {
        for (text, value) in [
            ("0", 0),
            ("7", 7),
            (" -42 ", -42),
            ("123456789012345678", 123_456_789_012_345_678),
            ("-123456789012345678", -123_456_789_012_345_678),
        ] {
            assert_eq!(integer(text), Some(value), "{text}");
            assert_eq!(
                serde_json::from_str::<i64>(text).ok(),
                Some(value),
                "{text}"
            );
        }
        for text in [
            "",
            "-",
            "-0",
            "01",
            "1.0",
            "1e3",
            "1E3",
            "+1",
            "\"1\"",
            "1234567890123456789",
            "null",
        ] {
            assert_eq!(integer(text), None, "{text}");
        }
    }

    #[test]
    fn strings_with_escapes_or_control_characters_are_declined() {
        let mut cursor = Cursor::new(r#" "plain, ünïcode" "#);
        assert_eq!(cursor.string(), Some("plain, ünïcode"));
        assert_eq!(cursor.end(), Some(()));
        for text in [
            r#""a\"b""#,
            r#""a\nb""#,
            "\"a\tb\"",
            "\"open",
            "'single'",
            "x",
        ] {
            assert_eq!(Cursor::new(text).string(), None, "{text}");
        }
        let mut cursor = Cursor::new("null");
        assert_eq!(cursor.optional_string(), Some(None));
    }

    #[test]
    fn skipped_values_are_checked_json() {
        let accepted = [
            r#"{"a":[1,-2.5e+3,0.1E-2,true,false,null,"s",{}],"b":[]}"#,
            " [ 1 , { \"k\" : [ ] } ] ",
            "-0",
            "0e5",
        ];
        for text in accepted {
            assert!(skips(text), "{text}");
            assert!(serde_accepts(text), "{text}");
        }
        let declined = [
            "01",
            "1.",
            ".5",
            "1e",
            "-",
            "+1",
            "[1,]",
            r#"{"a":1,}"#,
            "{1:2}",
            "[1 2]",
            "tru",
            "nul",
            r#"{"a"}"#,
            "[",
            "{",
            r#""\u0041""#,
            "",
        ];
        for text in declined {
            assert!(!skips(text), "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_declined_not_recursed_into() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(skips(&nested(MAX_SKIPPED_DEPTH)));
        assert!(!skips(&nested(MAX_SKIPPED_DEPTH + 1)));
        assert!(!skips(&nested(100_000)));
    }

    #[test]
    fn a_member_read_twice_is_declined() {
        let mut slot = None;
        assert_eq!(first(&mut slot, 1), Some(()));
        assert_eq!(first(&mut slot, 2), None);
        assert_eq!(slot, Some(1));
    }
}
