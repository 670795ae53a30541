//! The widget: a form that checks itself on every keystroke, shows each finding next to its
//! field with a one-click fix, reads pasted blocks, switches language in place, tests the
//! connection when the page gives a probe endpoint and looks the address's domain up when it
//! gives a discovery endpoint. Drawn and updated through web-sys: `form` builds the element
//! tree, `view` draws findings and texts, `network` asks the page's backend. Every function
//! handed to the browser runs under the trap guard (`guard.js`), the one piece of the widget
//! in JavaScript.

mod answer;
mod dom;
mod form;
mod network;
mod view;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlElement};

use self::dom::Dom;
use self::form::Form;
use super::boundary;
use super::promise::{once, Handler, Thenable};
use crate::context::{Context, Options};
use crate::finding::Report;
use crate::messages::{self, Locale};
use crate::settings::{Field, Protocol, Security, Settings};

#[wasm_bindgen(module = "/src/wasm/guard.js")]
extern "C" {
    /// `f` wrapped in the trap guard of the widget whose element is `root`.
    fn guarded(root: &Element, f: &JsValue) -> Function;
}

/// A profile discovery found for a domain (`None`: it found none, or none the engine can
/// read), and the answer as it came, for the line under the address.
struct Discovered {
    domain: String,
    profile: Option<crate::Profile>,
    answer: Option<JsValue>,
}

/// A listener the widget added, to remove it again.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    function: Function,
}

/// Everything a mounted widget owns.
struct State {
    doc: Document,
    form: Form,
    locale: Locale,
    /// The locale last asked for (the menu, `setLocale`, the mount's options): `locale`
    /// once its texts are at hand, until then the one being loaded.
    wanted_locale: Locale,
    ui: messages::Ui,
    complete: bool,
    profile: Option<crate::Profile>,
    probe_url: Option<String>,
    discover_url: Option<String>,
    on_change: Option<Function>,
    settings: Settings,
    /// The typed address's domain as of the latest check, worked out only once discovery has
    /// answered for some domain (until then no second context is built on each keystroke).
    discovery_domain: Option<String>,
    report: Report,
    touched: [bool; Field::ALL.len()],
    /// Domains asked about on this page, and what discovery answered.
    asked: Vec<String>,
    discovered: Vec<Discovered>,
    probe_generation: u32,
    /// The pause before discovery asks: its timer and the guarded function it calls.
    timer: Option<i32>,
    timer_function: Option<Function>,
    listeners: Vec<Listener>,
    /// The Rust side of every function handed to the browser for good (listeners, the
    /// timer), dropped with the state.
    closures: Vec<Handler>,
    trap_next: bool,
    /// Whether the handler running now checked the settings: the page hears of checks only.
    checked: bool,
}

/// What the console says when a language's texts could not be loaded or read.
const LOCALE_FAILED: &str = "maillint: a language could not be loaded";

/// A widget's state, shared by its handle and its listeners; `None` once destroyed.
type Shared = Rc<RefCell<Option<State>>>;

/// Runs `f` on the widget's state, then tells the page (`onChange`) about the new report if
/// `f` checked the settings (an event that changed nothing, such as the address field's
/// second listener, says nothing).
/// Nothing runs when the widget is destroyed or already busy (a focus change inside a
/// handler fires another event).
fn with_state(shared: &Shared, f: impl FnOnce(&mut State) -> Dom<()>) -> Dom<()> {
    let mut f = Some(f);
    run(shared, &mut |s| f.take().map_or(Ok(()), |f| f(s)))
}

/// [`with_state`]'s work, once for every caller.
fn run(shared: &Shared, f: &mut dyn FnMut(&mut State) -> Dom<()>) -> Dom<()> {
    let notify = {
        let Ok(mut guard) = shared.try_borrow_mut() else {
            return Ok(());
        };
        let Some(state) = guard.as_mut() else {
            return Ok(());
        };
        state.checked = false;
        f(state)?;
        match &state.on_change {
            Some(callback) if state.checked => Some((callback.clone(), state.report_value()?)),
            _ => None,
        }
    };
    // Outside the borrow: the page's callback may call the widget.
    if let Some((callback, report)) = notify {
        if let Err(e) = callback.call1(&JsValue::NULL, &report) {
            web_sys::console::error_1(&e);
        }
    }
    Ok(())
}

/// A value as the form shows it: a security or protocol alias as its drop-down option.
fn shown(field: Field, value: &str) -> String {
    match field {
        Field::IncomingSecurity | Field::OutgoingSecurity => Security::parse(value)
            .map(|s| Security::resolve(s, None).as_str())
            .unwrap_or(""),
        Field::IncomingProtocol => Protocol::parse_incoming(value)
            .map(|p| p.as_str())
            .unwrap_or(""),
        _ => value,
    }
    .to_string()
}

/// The address in `settings`, as the engine reads it (cleaned, split, judged usable).
fn address_of(settings: &Settings) -> Option<crate::address::Address> {
    Context::new(settings, &Options::default()).address
}

/// The fields a settings value holds, with the value each shows in the form.
fn fields_of(settings: &Settings) -> Vec<(Field, String)> {
    Field::ALL
        .into_iter()
        .filter_map(|field| {
            let value = match field {
                Field::OutgoingAuth => settings.outgoing.auth.map(|b| b.to_string()),
                _ => settings.text(field).map(|t| shown(field, t)),
            };
            value.map(|v| (field, v))
        })
        .collect()
}

impl State {
    /// The form's values as settings (an empty control is an absent field).
    fn values(&self) -> Settings {
        Settings::from_fields(|field| {
            self.form
                .control(field)
                .map(dom::value_of)
                .filter(|v| !v.is_empty())
        })
    }

    /// Writes values (as the form shows them) into the form and marks their fields touched.
    fn fill(&mut self, values: &[(Field, String)]) {
        for (field, value) in values {
            if let Some(control) = self.form.control(*field) {
                dom::set_value(control, value);
            }
            if let Some(t) = self.touched.get_mut(field.index()) {
                *t = true;
            }
        }
    }

    fn report_value(&self) -> Dom<JsValue> {
        boundary::report(&self.report)
    }

    /// The typed address's domain (of the latest check).
    fn typed_domain(&self) -> Option<String> {
        address_of(&self.settings).map(|a| a.domain)
    }

    /// Checks the form's values with the profile that applies: the page's own for the
    /// domains it names; for another domain, what discovery found for it; otherwise the
    /// page's as before.
    fn check(&mut self) {
        if self.trap_next {
            // Asked for by simulateTrap(): a real trap, for tests of the page's safety net.
            core::arch::wasm32::unreachable();
        }
        self.checked = true;
        self.settings = self.values();
        self.discovery_domain = if self.discovered.is_empty() {
            None
        } else {
            self.typed_domain()
        };
        let domain = self.discovery_domain.as_deref();
        let found = domain.and_then(|d| {
            self.discovered
                .iter()
                .find(|f| f.domain == d)
                .and_then(|f| f.profile.clone())
        });
        let profile = match (&self.profile, found) {
            (Some(own), _) if domain.is_some_and(|d| own.names_domain(d)) => Some(own.clone()),
            (_, Some(found)) => Some(found),
            (own, None) => own.clone(),
        };
        let options = Options {
            locale: self.locale,
            complete: self.complete,
            profile,
            today: Some(boundary::browser_today()),
        };
        self.report = crate::check(&self.settings, &options);
    }

    /// The edits of the latest report's finding `index`, as the form shows them.
    fn fix_edits(&self, index: usize) -> Vec<(Field, String)> {
        let fix = self.report.findings.get(index).and_then(|f| f.fix.as_ref());
        fix.iter()
            .flat_map(|f| &f.edits)
            .map(|e| (e.field, shown(e.field, &e.value.to_text())))
            .collect()
    }

    /// The finding whose fix "Fix all" applies next (an error's: errors are never a matter
    /// of taste).
    fn next_safe_fix(&self) -> Option<usize> {
        self.report
            .findings
            .iter()
            .position(|f| f.severity == crate::Severity::Error && f.fix.is_some())
    }

    fn fix_one(&mut self, index: usize) -> Dom<()> {
        let field = self.report.findings.get(index).map(|f| f.place);
        let edits = self.fix_edits(index);
        self.fill(&edits);
        self.update()?;
        // The fix button is gone with its finding: focus goes to the field it fixed.
        if let Some(control) = field.and_then(|f| self.form.control(f)) {
            dom::focus(control);
        }
        Ok(())
    }

    fn fix_all(&mut self) -> Dom<()> {
        // One fix can uncover the next (a comma fixed shows a misspelt domain): a few rounds.
        for _ in 0..8 {
            let edits = self
                .next_safe_fix()
                .map(|i| self.fix_edits(i))
                .unwrap_or_default();
            if edits.is_empty() {
                break;
            }
            self.fill(&edits);
            self.update()?;
        }
        Ok(())
    }

    /// Switches to `locale`, loading its texts first when they are not at hand: until they
    /// come the form keeps its language; if they cannot be loaded it stays in that language
    /// (the menu showing it) and the console says why.
    fn switch_locale(&mut self, locale: Locale, shared: &Shared) -> Dom<()> {
        self.wanted_locale = locale;
        let Some(import) = super::catalogues::import(locale) else {
            // At hand (also after a switch to a language still loading: that one is dropped).
            return self.locale_loaded(locale, true, shared);
        };
        self.form.root.set_attribute("aria-busy", "true")?;
        let own = shared.clone();
        let loaded = once(move |module| {
            // A module that cannot be read is a language that could not be loaded, not a
            // broken widget.
            let read = super::catalogues::add(locale, &module);
            if let Err(e) = &read {
                web_sys::console::error_2(&JsValue::from_str(LOCALE_FAILED), e);
            }
            with_state(&own, |s| s.locale_loaded(locale, read.is_ok(), &own))?;
            Ok(JsValue::UNDEFINED)
        });
        let own = shared.clone();
        let failed = once(move |error| {
            web_sys::console::error_2(&JsValue::from_str(LOCALE_FAILED), &error);
            with_state(&own, |s| s.locale_loaded(locale, false, &own))?;
            Ok(JsValue::UNDEFINED)
        });
        let root = &self.form.root;
        let _ = import.then_call(&guarded(root, &loaded), &guarded(root, &failed));
        Ok(())
    }

    /// A locale's texts arrived (`ok`) or could not be loaded: the form speaks the locale
    /// last asked for if it can, and shows itself if it was mounted waiting for them. A
    /// form whose first language could not be loaded, with none at hand (the element's page
    /// loads only the languages its widgets show), asks for English in its place; if English
    /// cannot be loaded either, it has no words to show, and failing hands it to the trap
    /// guard, whose notice and reload button take its place.
    fn locale_loaded(&mut self, locale: Locale, ok: bool, shared: &Shared) -> Dom<()> {
        if self.wanted_locale != locale {
            return Ok(());
        }
        let root = &self.form.root;
        if !ok && !messages::has_catalogue(self.locale) {
            if locale != Locale::En {
                return self.switch_locale(Locale::En, shared);
            }
            // The form stays unseen (`data-maillint-loading`) with the notice shown in its
            // room, in the guard's own English words, not the blanks it was drawn with.
            for name in [
                "aria-busy",
                "data-maillint-unavailable",
                "data-maillint-reload",
            ] {
                root.remove_attribute(name)?;
            }
            return Err(JsValue::from_str(
                "maillint: no language's texts could be loaded",
            ));
        }
        if ok {
            self.locale = locale;
        } else {
            self.wanted_locale = self.locale;
        }
        root.remove_attribute("aria-busy")?;
        root.remove_attribute("data-maillint-loading")?;
        self.apply_locale()
    }

    fn on_input(&mut self, event: &Event, shared: &Shared) -> Dom<()> {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Ok(());
        };
        let name = target.get_attribute("name").unwrap_or_default();
        match name.as_str() {
            "maillint-locale" => {
                return self.switch_locale(Locale::from_tag(&dom::value_of(&target)), shared);
            }
            "maillint-paste" => {
                let pasted = fields_of(&crate::parse_settings(&dom::value_of(&target)));
                self.fill(&pasted);
            }
            _ => {
                if let Some(field) = Field::from_path(&name) {
                    if let Some(t) = self.touched.get_mut(field.index()) {
                        *t = true;
                    }
                }
            }
        }
        self.update()
    }

    fn on_paste(&mut self, event: &Event) -> Dom<()> {
        let data = dom::property(event, "clipboardData");
        let text = Some(data).filter(|d| d.is_object()).and_then(|d| {
            d.unchecked_into::<web_sys::DataTransfer>()
                .get_data("text")
                .ok()
        });
        // A whole block of settings pasted into the address field fills the form.
        let Some(text) = text.filter(|t| t.trim().contains('\n')) else {
            return Ok(());
        };
        event.prevent_default();
        let pasted = fields_of(&crate::parse_settings(&text));
        self.fill(&pasted);
        self.update()
    }

    fn on_click(&mut self, event: &Event, shared: &Shared) -> Dom<()> {
        let button = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten());
        let Some(button) = button else {
            return Ok(());
        };
        if let Some(index) = button.get_attribute("data-fix") {
            return self.fix_one(index.parse().unwrap_or(usize::MAX));
        }
        match button.get_attribute("class").unwrap_or_default().as_str() {
            "maillint-fix-all" => self.fix_all(),
            "maillint-test" => network::start_probe(self, shared),
            "maillint-copy" => self.copy_summary(shared),
            _ => Ok(()),
        }
    }

    fn copy_summary(&mut self, shared: &Shared) -> Dom<()> {
        let Some(window) = web_sys::window() else {
            return Ok(());
        };
        let text = self.summary_text();
        let shared = shared.clone();
        let done = once(move |_| {
            with_state(&shared, |s| {
                s.form.copy.set_text_content(Some(s.ui.copied));
                s.form.copy.set_attribute("data-copied", "true")
            })?;
            Ok(JsValue::UNDEFINED)
        });
        let failed = once(|error| {
            web_sys::console::error_1(&error);
            Ok(JsValue::UNDEFINED)
        });
        let _ = window
            .navigator()
            .clipboard()
            .write_text(&text)
            .unchecked_into::<Thenable>()
            .then_call(&guarded(&self.form.root, &done), &failed);
        Ok(())
    }

    /// Removes every node and listener the widget added.
    fn tear_down(&mut self) {
        for l in &self.listeners {
            let _ = l
                .target
                .remove_event_listener_with_callback(l.kind, &l.function);
        }
        self.listeners.clear();
        if let (Some(window), Some(timer)) = (web_sys::window(), self.timer.take()) {
            window.clear_timeout_with_handle(timer);
        }
        self.form.root.remove();
    }
}

/// Adds a guarded listener that runs `handler` on the widget's state.
fn listen(
    shared: &Shared,
    state: &mut State,
    target: &EventTarget,
    kind: &'static str,
    handler: fn(&mut State, &Event, &Shared) -> Dom<()>,
) -> Dom<()> {
    let own = shared.clone();
    let closure = Handler::new(move |event: JsValue| {
        let event: Event = event.unchecked_into();
        with_state(&own, |s| handler(s, &event, &own))?;
        Ok(JsValue::UNDEFINED)
    });
    let function = guarded(&state.form.root, closure.as_ref());
    target.add_event_listener_with_callback(kind, &function)?;
    state.listeners.push(Listener {
        target: target.clone(),
        kind,
        function,
    });
    state.closures.push(closure);
    Ok(())
}

fn next_uid() -> u32 {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    NEXT.with(|n| {
        let v = n.get().wrapping_add(1);
        n.set(v);
        v
    })
}

/// A mounted checker. `destroy()` removes every node and listener it added.
#[wasm_bindgen]
pub struct Widget {
    shared: Shared,
}

/// Mounts the checker inside `element`: a form that checks itself as the customer types.
#[wasm_bindgen(js_name = mount)]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement")] element: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: Option<JsValue>,
) -> Result<Widget, JsValue> {
    super::browser::ready();
    let host = element
        .dyn_into::<HtmlElement>()
        .map_err(|_| boundary::type_error("maillint: mount takes an HTML element"))?;
    // Checks the options (a value of the wrong type is an Error naming it).
    let options = boundary::mount_options(options.unwrap_or(JsValue::UNDEFINED))?;
    let doc = host
        .owner_document()
        .ok_or_else(|| boundary::error("maillint: the element is not in a document"))?;
    let page_tag = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty())
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()));
    let wanted_locale = options
        .locale
        .as_deref()
        .or(page_tag.as_deref())
        .map(Locale::from_tag)
        .unwrap_or_default();
    // A language whose texts are not at hand yet (English too, on the element's page, which
    // loads only the languages its widgets show) is loaded once the form is up; meanwhile the
    // form keeps its room, unseen (`data-maillint-loading`), rather than show other words.
    let at_hand = messages::has_catalogue(wanted_locale);
    let locale = if at_hand { wanted_locale } else { Locale::En };
    let initial = options.initial.map(Settings::from);
    // Everything that can refuse the options is read before a node is added.
    let profile = boundary::profile(options.profile.0)?;
    let form = form::build(&doc, &format!("maillint-{}", next_uid()))?;
    let text = |v: Option<String>| v.filter(|t| !t.is_empty());
    let probe_url = text(options.probe_url);
    dom::flag(&form.test, "hidden", probe_url.is_none())?;
    host.append_child(&form.root)?;
    let mut state = State {
        doc,
        form,
        locale,
        wanted_locale: locale,
        ui: messages::ui(locale),
        complete: options.complete.unwrap_or(false),
        profile,
        probe_url,
        discover_url: text(options.discover_url),
        on_change: boundary::function(&options.on_change.0),
        settings: Settings::default(),
        discovery_domain: None,
        report: Report::new(Vec::new()),
        touched: [false; Field::ALL.len()],
        asked: Vec::new(),
        discovered: Vec::new(),
        probe_generation: 0,
        timer: None,
        timer_function: None,
        listeners: Vec::new(),
        closures: Vec::new(),
        trap_next: false,
        checked: false,
    };
    // Default: sending requires authentication, as at nearly every provider.
    if let Some(auth) = state.form.control(Field::OutgoingAuth) {
        dom::set_value(auth, "true");
    }
    if let Some(initial) = &initial {
        state.fill(&fields_of(initial));
    }
    let shared: Shared = Rc::new(RefCell::new(None));
    let mut shown = state.apply_locale();
    if shown.is_ok() && !at_hand {
        shown = dom::flag(&state.form.root, "data-maillint-loading", true)
            .and_then(|()| state.switch_locale(wanted_locale, &shared));
    }
    if let Err(e) = shown {
        state.tear_down();
        return Err(e);
    }
    let root: EventTarget = state.form.root.clone().into();
    let email: Option<EventTarget> = state.form.control(Field::Email).cloned().map(Into::into);
    let added = (|| {
        listen(&shared, &mut state, &root, "input", State::on_input)?;
        listen(&shared, &mut state, &root, "click", State::on_click)?;
        if let Some(email) = &email {
            listen(&shared, &mut state, email, "paste", |s, e, _| s.on_paste(e))?;
            listen(&shared, &mut state, email, "input", |s, _, shared| {
                network::discover_later(s, shared)
            })?;
            listen(&shared, &mut state, email, "focusout", |s, _, shared| {
                network::discover_now(s, shared)
            })?;
        }
        network::prepare_timer(&mut state, &shared)
    })();
    if let Err(e) = added {
        state.tear_down();
        return Err(e);
    }
    *shared.borrow_mut() = Some(state);
    Ok(Widget { shared })
}

impl Widget {
    /// Runs `f` on the mounted widget; an error when it is destroyed or busy.
    fn read<T>(&self, f: impl FnOnce(&State) -> Dom<T>) -> Dom<T> {
        let guard = self
            .shared
            .try_borrow()
            .map_err(|_| boundary::error("maillint: the widget is busy"))?;
        let state = guard
            .as_ref()
            .ok_or_else(|| boundary::error("maillint: the widget was destroyed"))?;
        f(state)
    }
}

#[wasm_bindgen]
impl Widget {
    /// The settings as currently typed.
    #[wasm_bindgen(unchecked_return_type = "ParsedSettings")]
    pub fn settings(&self) -> Result<JsValue, JsValue> {
        self.read(|s| boundary::write(&boundary::ParsedSettings::from(&s.settings)))
    }

    /// The latest report: every finding, touched fields or not.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        self.read(State::report_value)
    }

    /// The settings as typed and each finding, as plain text in the widget's language (what
    /// "Copy summary" puts on the clipboard).
    pub fn summary(&self) -> Result<String, JsValue> {
        self.read(|s| Ok(s.summary_text()))
    }

    /// Switches labels and messages to another locale, keeping what was typed.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] locale: JsValue,
    ) -> Result<(), JsValue> {
        let locale = locale
            .as_string()
            .ok_or_else(|| boundary::type_error("maillint: setLocale takes a language tag"))?;
        let root = match self.shared.try_borrow() {
            Ok(guard) => match guard.as_ref() {
                Some(s) => s.form.root.clone(),
                None => return Ok(()),
            },
            Err(_) => return Err(boundary::error("maillint: the widget is busy")),
        };
        // Under the guard, as the form's own language menu.
        let shared = self.shared.clone();
        // The page asked for it: no onChange, as before any change the customer made (a
        // language still to load tells the page once its texts are in).
        let switch = once(move |_| {
            if let Ok(mut guard) = shared.try_borrow_mut() {
                if let Some(s) = guard.as_mut() {
                    s.switch_locale(Locale::from_tag(&locale), &shared)?;
                }
            }
            Ok(JsValue::UNDEFINED)
        });
        guarded(&root, &switch).call0(&JsValue::NULL)?;
        Ok(())
    }

    /// Removes every node and listener the widget added. Calling it twice does nothing.
    pub fn destroy(&self) {
        let Ok(mut guard) = self.shared.try_borrow_mut() else {
            return;
        };
        if let Some(mut state) = guard.take() {
            state.tear_down();
        }
    }

    /// For tests of a page's safety net: makes this widget's next check trap the module on
    /// purpose, as a bug would.
    #[wasm_bindgen(js_name = simulateTrap)]
    pub fn simulate_trap(&self) {
        if let Ok(mut guard) = self.shared.try_borrow_mut() {
            if let Some(state) = guard.as_mut() {
                state.trap_next = true;
            }
        }
    }
}
