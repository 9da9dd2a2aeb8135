//! The Content-Security-Policy's script hashes: Trunk writes an inline `<script type="module">`
//! loader whose text changes with every build, so the policy in `index.html` allows it by a
//! SHA-256 hash computed here and stamped over [`HASHES_PLACEHOLDER`].

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The token in `index.html`'s policy that the hashes replace.
pub const HASHES_PLACEHOLDER: &str = "LIMBER_INLINE_SCRIPT_HASHES";
/// What `trunk serve`'s live-reload script holds until Trunk fills in its address as it serves.
const SERVE_TEMPLATE_MARK: &str = "{{__TRUNK_";

/// Replaces the placeholder with a `'sha256-…'` source for every inline script of the page.
/// Fails if the page has no placeholder (exactly one is expected) or no inline script.
///
/// Under `trunk serve` only, the policy allows inline scripts instead: Trunk fills in its
/// live-reload script as it serves the page, after this hook, so no hash could match it (and a
/// hash would switch `'unsafe-inline'` off). Release builds never carry that script.
pub fn stamp(html: &str) -> Result<String, String> {
    if html.matches(HASHES_PLACEHOLDER).count() != 1 {
        return Err(format!(
            "index.html must contain {HASHES_PLACEHOLDER} exactly once (in its CSP meta tag)"
        ));
    }
    if html.contains(SERVE_TEMPLATE_MARK) {
        return Ok(html.replacen(HASHES_PLACEHOLDER, "'unsafe-inline'", 1));
    }
    let sources: Vec<String> = inline_scripts(html).into_iter().map(hash_source).collect();
    if sources.is_empty() {
        return Err("index.html has no inline script: has Trunk's loader moved?".into());
    }
    Ok(html.replacen(HASHES_PLACEHOLDER, &sources.join(" "), 1))
}

/// The CSP source expression that allows exactly this script text.
pub fn hash_source(script: &str) -> String {
    format!(
        "'sha256-{}'",
        STANDARD.encode(Sha256::digest(script.as_bytes()))
    )
}

/// The text of every `<script>` element without a `src` attribute, in order.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after_name = &rest[start + "<script".len()..];
        let Some(tag_end) = after_name.find('>') else {
            break;
        };
        let attributes = &after_name[..tag_end];
        let body = &after_name[tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !attributes.contains("src=") {
            scripts.push(&body[..close]);
        }
        rest = &body[close + "</script>".len()..];
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::root;

    #[test]
    fn hashes_the_exact_text_of_each_inline_script() {
        let html = "<head><meta content=\"script-src 'self' LIMBER_INLINE_SCRIPT_HASHES\">\
                    <script type=\"module\">\nimport init from '/a.js';\n</script>\
                    <script src=\"/b.js\"></script><script>x()</script></head>";
        assert_eq!(
            inline_scripts(html),
            vec!["\nimport init from '/a.js';\n", "x()"]
        );
        let stamped = stamp(html).unwrap();
        assert!(!stamped.contains(HASHES_PLACEHOLDER));
        assert!(stamped.contains(&format!(
            "script-src 'self' {} {}",
            hash_source("\nimport init from '/a.js';\n"),
            hash_source("x()")
        )));
    }

    #[test]
    fn only_the_development_server_allows_inline_scripts() {
        let release =
            "<meta content=\"script-src LIMBER_INLINE_SCRIPT_HASHES\"><script>boot()</script>";
        assert!(!stamp(release).unwrap().contains("unsafe-inline"));
        let served =
            format!("{release}<script>const address = '{{{{__TRUNK_ADDRESS__}}}}';</script>");
        let stamped = stamp(&served).unwrap();
        assert!(stamped.contains("script-src 'unsafe-inline'"));
        assert!(!stamped.contains("sha256"));
    }

    #[test]
    fn the_hash_is_the_browsers_sha256_in_base64() {
        // `echo -n "alert('Hello, world.');" | openssl sha256 -binary | base64`, the CSP spec's example.
        assert_eq!(
            hash_source("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn a_page_without_placeholder_or_inline_script_is_refused() {
        assert!(stamp("<script>x()</script>").is_err());
        assert!(stamp("<meta content=\"LIMBER_INLINE_SCRIPT_HASHES\">").is_err());
    }

    #[test]
    fn the_policy_in_index_html_is_strict() {
        let html = std::fs::read_to_string(root().join("index.html")).unwrap();
        let start = html
            .find("http-equiv=\"Content-Security-Policy\" content=\"")
            .expect("index.html has a CSP meta tag");
        let policy = &html[start..];
        let policy = &policy[policy.find("content=\"").unwrap() + 9..];
        let policy = &policy[..policy.find('"').unwrap()];
        let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
        for expected in [
            "default-src 'none'",
            "script-src 'self' 'wasm-unsafe-eval' LIMBER_INLINE_SCRIPT_HASHES",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "base-uri 'self'",
            "form-action 'none'",
        ] {
            assert!(directives.contains(&expected), "missing `{expected}`");
        }
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(!policy.contains("http") && !policy.contains('*'));
        // The policy must come before Trunk's loader and the <base> it governs.
        assert!(start < html.find("<base data-trunk-public-url").unwrap());
        assert!(start < html.find("data-trunk rel=\"rust\"").unwrap());
    }
}
