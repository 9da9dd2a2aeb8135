//! `cargo xtask icons`: renders the app's PNG icons from its one source, `public/icons/icon.svg`,
//! with `rsvg-convert` (Debian/Ubuntu package `librsvg2-bin`). The PNGs are committed; run this
//! after changing the SVG.

use crate::run::{root, status};

/// Colour of the SVG's own background square (the app's accent, `--accent` in style/base.css),
/// used to fill the full-bleed variants.
const BACKGROUND: &str = "#2f6b4f";
/// Share of a maskable icon the drawing may use: launchers crop to any shape that contains the
/// centred circle of 80 % diameter (the safe zone), so the drawing is scaled to fit in it.
const MASKABLE_DRAWING: f64 = 0.8;

/// How one PNG is drawn from the SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// The SVG as is: rounded square, transparent corners (manifest purpose "any").
    Plain,
    /// Full-bleed background with the drawing inside the safe zone (purpose "maskable").
    Maskable,
    /// Full-bleed background, no transparency: iOS rounds the corners itself and would show
    /// transparent ones as black.
    FullBleed,
}

/// Every PNG the manifest and `index.html` name: file in `public/icons/`, size, style.
const RENDERS: [(&str, u32, Style); 5] = [
    ("icon-192.png", 192, Style::Plain),
    ("icon-512.png", 512, Style::Plain),
    ("icon-maskable-192.png", 192, Style::Maskable),
    ("icon-maskable-512.png", 512, Style::Maskable),
    ("apple-touch-icon.png", 180, Style::FullBleed),
];

/// Renders every PNG next to the SVG.
pub fn run() -> Result<(), String> {
    let icons = root().join("public/icons");
    let source = icons.join("icon.svg");
    for (file, size, style) in RENDERS {
        let output = icons.join(file);
        let mut command = std::process::Command::new("rsvg-convert");
        command
            .args(arguments(size, style))
            .arg(&source)
            .arg("-o")
            .arg(&output);
        status(command, &format!("rsvg-convert {file}")).map_err(|error| {
            format!("{error}. rsvg-convert comes with the package librsvg2-bin (apt-get install librsvg2-bin)")
        })?;
        println!("wrote public/icons/{file} ({size}×{size}, {style:?})");
    }
    Ok(())
}

/// The `rsvg-convert` options for one PNG of `size` pixels square.
fn arguments(size: u32, style: Style) -> Vec<String> {
    let drawing = match style {
        Style::Maskable => (f64::from(size) * MASKABLE_DRAWING).round() as u32,
        Style::Plain | Style::FullBleed => size,
    };
    let offset = (size - drawing) / 2;
    let mut arguments = vec![
        format!("--width={drawing}"),
        format!("--height={drawing}"),
        format!("--page-width={size}"),
        format!("--page-height={size}"),
        format!("--left={offset}"),
        format!("--top={offset}"),
    ];
    if style != Style::Plain {
        arguments.push(format!("--background-color={BACKGROUND}"));
    }
    arguments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maskable_icons_keep_the_drawing_inside_the_safe_zone() {
        for size in [192, 512] {
            let args = arguments(size, Style::Maskable);
            let value = |name: &str| -> f64 {
                args.iter()
                    .find_map(|arg| arg.strip_prefix(&format!("--{name}=")))
                    .and_then(|value| value.parse().ok())
                    .unwrap()
            };
            assert_eq!(value("page-width"), f64::from(size));
            let drawing = value("width");
            assert!((value("left") - (f64::from(size) - drawing) / 2.0).abs() <= 0.5);
            // icon.svg's drawing reaches at most 224 px (of its 512) from the centre; scaled,
            // it must stay within the safe zone's radius, 40 % of the icon.
            assert!(224.0 / 512.0 * drawing <= 0.4 * f64::from(size));
            assert!(args.contains(&format!("--background-color={BACKGROUND}")));
        }
    }

    #[test]
    fn plain_icons_keep_their_transparent_corners_and_apple_ones_do_not() {
        assert!(!arguments(192, Style::Plain)
            .iter()
            .any(|arg| arg.starts_with("--background-color")));
        assert!(arguments(180, Style::FullBleed).contains(&"--width=180".to_string()));
        assert!(arguments(180, Style::FullBleed)
            .iter()
            .any(|arg| arg.starts_with("--background-color")));
    }

    #[test]
    fn every_rendered_icon_is_committed() {
        for (file, _, _) in RENDERS {
            assert!(
                root().join("public/icons").join(file).exists(),
                "public/icons/{file} is missing: run `cargo xtask icons`"
            );
        }
    }
}
