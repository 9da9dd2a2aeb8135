//! A small reader of a WebAssembly module: the size of each section, each function body's
//! size and its name from the `name` custom section, and the crate a Rust function name
//! belongs to. Enough to say where the bytes of the app's module go.

/// One function with a body in the module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// Its name (demangled if it was mangled), or `func[<index>]` without a name section.
    pub name: String,
    /// Bytes of its body in the code section.
    pub size: u64,
}

/// What the module holds, section by section.
#[derive(Debug, Default)]
pub struct Module {
    /// Each section's name (`code`, `data`, custom sections by their own name) and size.
    pub sections: Vec<(String, u64)>,
    /// Every function with a body, in index order.
    pub functions: Vec<Function>,
}

/// Reads the module's sections, function bodies and names.
pub fn read(bytes: &[u8]) -> Result<Module, String> {
    if bytes.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a WebAssembly module (version 1)".into());
    }
    let mut reader = Reader::new(&bytes[8..]);
    let mut module = Module::default();
    let mut imported_functions = 0u32;
    let mut body_sizes = Vec::new();
    let mut names = std::collections::HashMap::new();
    while !reader.is_empty() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let payload = reader.take(size)?;
        let mut section = Reader::new(payload);
        let name = match id {
            0 => {
                let custom = section.string()?;
                if custom == "name" {
                    names = function_names(section)?;
                }
                custom
            }
            2 => {
                imported_functions = count_imported_functions(section)?;
                "import".into()
            }
            10 => {
                for _ in 0..section.leb()? {
                    let body = section.leb()?;
                    section.take(body as usize)?;
                    body_sizes.push(u64::from(body));
                }
                "code".into()
            }
            _ => SECTION_NAMES
                .get(usize::from(id))
                .map_or_else(|| format!("section {id}"), |name| (*name).into()),
        };
        module.sections.push((name, size as u64));
    }
    module.functions = body_sizes
        .into_iter()
        .enumerate()
        .map(|(body, size)| {
            let index = imported_functions + body as u32;
            let name = names
                .remove(&index)
                .map_or_else(|| format!("func[{index}]"), |name| demangle(&name));
            Function { name, size }
        })
        .collect();
    Ok(module)
}

const SECTION_NAMES: [&str; 13] = [
    "custom",
    "type",
    "import",
    "function",
    "table",
    "memory",
    "global",
    "export",
    "start",
    "element",
    "code",
    "data",
    "data count",
];

/// The functions' names in a `name` section: subsection 1 maps indices to names.
fn function_names(mut section: Reader) -> Result<std::collections::HashMap<u32, String>, String> {
    let mut names = std::collections::HashMap::new();
    while !section.is_empty() {
        let id = section.byte()?;
        let size = section.leb()? as usize;
        let mut sub = Reader::new(section.take(size)?);
        if id != 1 {
            continue;
        }
        for _ in 0..sub.leb()? {
            let index = sub.leb()?;
            names.insert(index, sub.string()?);
        }
    }
    Ok(names)
}

/// How many of the module's imports are functions (they come first in the index space).
fn count_imported_functions(mut section: Reader) -> Result<u32, String> {
    let mut functions = 0;
    for _ in 0..section.leb()? {
        section.string()?;
        section.string()?;
        match section.byte()? {
            0 => {
                section.leb()?;
                functions += 1;
            }
            1 => {
                section.byte()?;
                limits(&mut section)?;
            }
            2 => limits(&mut section)?,
            3 => {
                section.byte()?;
                section.byte()?;
            }
            4 => {
                section.byte()?;
                section.leb()?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
    }
    Ok(functions)
}

fn limits(section: &mut Reader) -> Result<(), String> {
    let flags = section.byte()?;
    section.leb()?;
    if flags & 1 == 1 {
        section.leb()?;
    }
    Ok(())
}

/// A cursor over bytes.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes }
    }

    fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8], String> {
        if count > self.bytes.len() {
            return Err("the module ends early".into());
        }
        let (taken, rest) = self.bytes.split_at(count);
        self.bytes = rest;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    /// An unsigned LEB128 number of at most 32 bits.
    fn leb(&mut self) -> Result<u32, String> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number is too long".into())
    }

    fn string(&mut self) -> Result<String, String> {
        let length = self.leb()? as usize;
        Ok(String::from_utf8_lossy(self.take(length)?).into_owned())
    }
}

/// A Rust symbol in the legacy mangling (`_ZN4core3fmt5write17h0123456789abcdefE`) made
/// readable (`core::fmt::write`); any other name as it is, without a trailing `::h<hash>`.
pub fn demangle(name: &str) -> String {
    let Some(mut rest) = name.strip_prefix("_ZN") else {
        return strip_hash(name).to_string();
    };
    let mut parts = Vec::new();
    while let Some(digits) = rest
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&at| at > 0)
    {
        let Ok(length) = rest[..digits].parse::<usize>() else {
            break;
        };
        let Some(part) = rest.get(digits..digits + length) else {
            break;
        };
        parts.push(unescape(part));
        rest = &rest[digits + length..];
    }
    if parts.is_empty() {
        return name.to_string();
    }
    strip_hash(&parts.join("::")).to_string()
}

fn strip_hash(name: &str) -> &str {
    match name.rsplit_once("::h") {
        Some((path, hash)) if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
            path
        }
        _ => name,
    }
}

/// Undoes the legacy mangling's escapes (`$LT$` → `<`, `..` → `::`, `$u20$` → ` ` …).
fn unescape(part: &str) -> String {
    let part = part
        .strip_prefix("_$")
        .map_or(part.to_string(), |rest| format!("${rest}"));
    let mut out = String::new();
    let mut rest = part.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("..") {
            out.push_str("::");
            rest = after;
        } else if let Some((escape, after)) =
            rest.strip_prefix('$').and_then(|tail| tail.split_once('$'))
        {
            let replacement = match escape {
                "SP" => "@".to_string(),
                "BP" => "*".into(),
                "RF" => "&".into(),
                "LT" => "<".into(),
                "GT" => ">".into(),
                "LP" => "(".into(),
                "RP" => ")".into(),
                "C" => ",".into(),
                hex if hex.starts_with('u') => u32::from_str_radix(&hex[1..], 16)
                    .ok()
                    .and_then(char::from_u32)
                    .map_or_else(|| format!("${hex}$"), String::from),
                other => format!("${other}$"),
            };
            out.push_str(&replacement);
            rest = after;
        } else {
            let next = rest.char_indices().nth(1).map_or(rest.len(), |(at, _)| at);
            out.push_str(&rest[..next]);
            rest = &rest[next..];
        }
    }
    out
}

/// The crate a function name belongs to: the first path segment, looking through `<` and
/// `&` (`<tachys::html::X as core::ops::Fn>::call` → `tachys`), the trait's crate for a
/// generic type (`<T as tachys::view::IntoAny>::into_any` → `tachys`), the crate root of a
/// v0-mangled name (`_R…C…8dlmalloc…` → `dlmalloc`); `?` when the name has none
/// (wasm-bindgen's shims, unnamed functions).
pub fn crate_of(name: &str) -> &str {
    if let Some(mangled) = name.strip_prefix("_R") {
        return v0_crate(mangled).unwrap_or("?");
    }
    let trimmed = name.trim_start_matches(['<', '&', '*', ' ']);
    let trimmed = trimmed
        .strip_prefix("mut ")
        .or_else(|| trimmed.strip_prefix("dyn "))
        .unwrap_or(trimmed);
    match trimmed.find("::") {
        Some(at)
            if trimmed[..at]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_') =>
        {
            &trimmed[..at]
        }
        _ => match trimmed.split_once(" as ") {
            Some((_, trait_path)) => crate_of(trait_path),
            None => "?",
        },
    }
}

/// The first crate root in a v0 mangled name: `C`, an optional disambiguator `s<base62>_`,
/// then the crate's name as `<length><name>`.
fn v0_crate(mangled: &str) -> Option<&str> {
    let start = mangled.find('C')? + 1;
    let mut rest = &mangled[start..];
    if let Some(after) = rest.strip_prefix('s') {
        rest = &after[after.find('_')? + 1..];
    }
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let length: usize = rest[..digits].parse().ok()?;
    rest.get(digits..digits + length)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one imported function and two bodies (3 and 4 bytes), named.
    fn tiny_module() -> Vec<u8> {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        // Import section: one function import "m"."f" of type 0.
        module.extend([2, 7, 1, 1, b'm', 1, b'f', 0, 0]);
        // Code section: two bodies.
        module.extend([10, 10, 2, 3, 0, 0x41, 0x0b, 4, 0, 0x01, 0x01, 0x0b]);
        // Name section naming function 1 (the first body) only.
        let mangled = b"_ZN6tachys4view5mount17h0123456789abcdefE";
        let mut names = vec![1u8, mangled.len() as u8 + 3, 1, 1, mangled.len() as u8];
        names.extend(mangled);
        let mut custom = vec![4, b'n', b'a', b'm', b'e'];
        custom.extend(names);
        module.push(0);
        module.push(custom.len() as u8);
        module.extend(custom);
        module
    }

    #[test]
    fn reads_sections_bodies_and_names() {
        let module = read(&tiny_module()).expect("a valid module");
        let sections: Vec<&str> = module
            .sections
            .iter()
            .map(|(name, _)| name.as_str())
            .collect();
        assert_eq!(sections, ["import", "code", "name"]);
        assert_eq!(
            module.functions,
            [
                Function {
                    name: "tachys::view::mount".into(),
                    size: 3
                },
                Function {
                    name: "func[2]".into(),
                    size: 4
                }
            ]
        );
    }

    #[test]
    fn rejects_what_is_not_a_module_and_a_cut_one() {
        assert!(read(b"not wasm").is_err());
        let module = tiny_module();
        assert!(read(&module[..module.len() - 3]).is_err());
    }

    #[test]
    fn demangles_legacy_rust_names_and_finds_their_crate() {
        let name = demangle(
            "_ZN49_$LT$tachys..html..X$u20$as$u20$core..ops..Fn$GT$4call17h0123456789abcdefE",
        );
        assert_eq!(name, "<tachys::html::X as core::ops::Fn>::call");
        assert_eq!(crate_of(&name), "tachys");
        assert_eq!(
            demangle("serde_json::de::parse::h0123456789abcdef"),
            "serde_json::de::parse"
        );
        assert_eq!(crate_of("&mut limber_core::plan::x"), "limber_core");
        assert_eq!(crate_of("__wbindgen_malloc"), "?");
        assert_eq!(crate_of("dlmalloc::Dlmalloc::free"), "dlmalloc");
        assert_eq!(
            crate_of("<T as tachys::view::any_view::IntoAny>::into_any"),
            "tachys"
        );
        assert_eq!(
            crate_of("_RNvMs0_NtCsjqx8TIyZbP9_8dlmalloc8dlmallocINtB5_8DlmallocE6malloc"),
            "dlmalloc"
        );
        assert_eq!(
            crate_of("_RNvNtCsgXGp5Oqx2Ny_4core3str19slice_error_fail_rt"),
            "core"
        );
    }
}
