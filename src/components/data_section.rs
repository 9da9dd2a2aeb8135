//! Settings → Your data: export the log as CSV or everything as a JSON backup, import a
//! backup or CSV after a preview (add-only, by core's rules), and how the data is stored.

use leptos::prelude::*;
use leptos::task::spawn_local;
use limber_core::store::Document;
use limber_core::transfer::{
    backup_file_name, csv_file_name, entries_to_csv, import_file, ImportError, MAX_IMPORT_BYTES,
};

use crate::browser::clock::wall_clock_now;
use crate::browser::files;
use crate::components::storage_status::StorageStatus;
use crate::state::StoreError;

/// Where an import stands.
#[derive(Debug, Clone, PartialEq)]
enum Import {
    /// Nothing picked.
    Idle,
    /// The picked file is being read.
    Reading,
    /// Read and checked; waiting for Import or Cancel. The text is kept so that Import
    /// merges into the data as it is at that moment.
    Preview {
        file_name: String,
        text: String,
        summary: String,
        problems: Vec<String>,
        new_count: usize,
    },
    /// The file cannot be imported; nothing was changed.
    Failed(String),
    /// The import was applied.
    Done(String),
}

/// Export buttons, the import picker with its preview, and the storage status.
#[component]
pub fn DataSection(
    /// Everything Limber keeps.
    document: ReadSignal<Document>,
    /// Adds what an import brings (the preview's document), merged with what is here.
    on_import: Callback<Document, Result<(), StoreError>>,
) -> impl IntoView {
    let import = RwSignal::new(Import::Idle);
    let export_message = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let export = move |file_name: String, mime_type: &'static str, text: String| {
        let message = match files::download_text(&file_name, mime_type, &text) {
            Ok(()) => format!("Saved {file_name}."),
            Err(error) => format!("Could not save the file: {error}."),
        };
        export_message.set(Some(message));
    };
    let export_csv = move |_| {
        let text = document.with_untracked(|doc| entries_to_csv(doc.log.entries()));
        export(
            csv_file_name(wall_clock_now().local_date()),
            "text/csv;charset=utf-8",
            text,
        );
    };
    let export_backup = move |_| {
        let text = document.with_untracked(Document::to_json);
        export(
            backup_file_name(wall_clock_now().local_date()),
            "application/json",
            text,
        );
    };

    let reset_picker = move || {
        if let Some(input) = input_ref.get_untracked() {
            files::clear_picked(&input);
        }
    };
    let on_pick = move |_| {
        let Some((size, file)) = input_ref
            .get_untracked()
            .and_then(|i| files::picked_file(&i))
        else {
            return;
        };
        if size > MAX_IMPORT_BYTES as f64 {
            let refused = ImportError::TooLarge {
                bytes: size as usize,
            };
            import.set(Import::Failed(nothing_changed(refused.to_string())));
            reset_picker();
            return;
        }
        import.set(Import::Reading);
        let file_name = files::file_name(&file);
        spawn_local(async move {
            let next = match files::read_text(&file).await {
                Ok(text) => preview(document, file_name, text),
                Err(error) => Import::Failed(nothing_changed(format!("{error}."))),
            };
            import.try_set(next);
        });
    };
    let apply = move |_| {
        let Import::Preview {
            file_name, text, ..
        } = import.get_untracked()
        else {
            return;
        };
        let now_ms = wall_clock_now().utc_ms;
        let result = document.with_untracked(|doc| import_file(doc, &file_name, &text, now_ms));
        let next = match result {
            Ok(preview) => {
                let added = preview.new_count();
                match on_import.run(preview.merged) {
                    Ok(()) => Import::Done(format!(
                        "Imported: {added} {} added. Nothing that was already here changed.",
                        if added == 1 { "record" } else { "records" }
                    )),
                    Err(error) => Import::Failed(error.to_string()),
                }
            }
            Err(error) => Import::Failed(nothing_changed(error.to_string())),
        };
        import.set(next);
        reset_picker();
    };
    let cancel = move |_| {
        import.set(Import::Idle);
        reset_picker();
    };

    view! {
        <div class="data-section">
            <p>"Everything stays on this device. Export a copy to keep it safe or to open it in a spreadsheet."</p>
            <div class="data-actions">
                <button type="button" on:click=export_csv>"Export CSV"</button>
                <button type="button" on:click=export_backup>"Export backup (JSON)"</button>
            </div>
            <p class="note" role="status">{move || export_message.get()}</p>
            <div class="import-picker">
                <label for="import-file">"Import a backup or CSV"</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,.csv,application/json,text/csv"
                    aria-describedby="import-hint"
                    node_ref=input_ref
                    on:change=on_pick
                />
                <span class="setting-hint" id="import-hint">
                    "Only new records are added: nothing here is deleted or overwritten."
                </span>
            </div>
            <div class="import-status" aria-live="polite">
                <ImportStatus import on_apply=Callback::new(apply) on_cancel=Callback::new(cancel) />
            </div>
            <StorageStatus />
        </div>
    }
}

/// The preview, error or result of an import.
#[component]
fn ImportStatus(
    /// Where the import stands.
    import: RwSignal<Import>,
    /// Applies the previewed import.
    on_apply: Callback<()>,
    /// Drops the previewed import.
    on_cancel: Callback<()>,
) -> impl IntoView {
    move || {
        match import.get() {
        Import::Idle => ().into_any(),
        Import::Reading => view! { <p class="note">"Reading the file…"</p> }.into_any(),
        Import::Failed(message) => {
            view! { <p class="import-error" role="alert">{message}</p> }.into_any()
        }
        Import::Done(message) => view! { <p class="saved">{message}</p> }.into_any(),
        Import::Preview {
            file_name,
            summary,
            problems,
            new_count,
            ..
        } => view! {
            <div class="import-preview" role="region" aria-labelledby="import-preview-title">
                <p class="import-preview-title" id="import-preview-title">{format!("Import {file_name}?")}</p>
                <p class="import-summary">{summary}</p>
                {(!problems.is_empty()).then(|| view! {
                    <ul class="import-problems">
                        {problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}
                    </ul>
                })}
                <div class="data-actions">
                    <button type="button" class="primary" disabled=new_count == 0 on:click=move |_| on_apply.run(())>
                        "Import"
                    </button>
                    <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </div>
        }
        .into_any(),
    }
    }
}

/// Checks a file's text against the current data, changing nothing.
fn preview(document: ReadSignal<Document>, file_name: String, text: String) -> Import {
    let now_ms = wall_clock_now().utc_ms;
    let Some(result) =
        document.try_with_untracked(|doc| import_file(doc, &file_name, &text, now_ms))
    else {
        return Import::Idle;
    };
    match result {
        Ok(preview) => Import::Preview {
            summary: preview.summary(),
            new_count: preview.new_count(),
            problems: preview.invalid,
            file_name,
            text,
        },
        Err(error) => Import::Failed(nothing_changed(error.to_string())),
    }
}

/// An error message followed by the reassurance that nothing changed.
fn nothing_changed(message: String) -> String {
    format!("{message} Nothing was changed.")
}
