//! Tree construction in the body: start and end tags of the "in body" insertion mode, which
//! also serves table cells and captions, and foster-parented content.

use super::*;

impl Builder {
    pub(super) fn in_body(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Text(t) => {
                self.tree.reconstruct_formatting();
                self.tree.insert_text(t);
                Step::Done
            }
            Tok::Comment => {
                self.comment();
                Step::Done
            }
            Tok::Start(st) => self.body_start(st),
            Tok::End(name, tag) => self.body_end(name, *tag),
        }
    }

    pub(super) fn body_start(&mut self, st: &Start<'_, '_>) -> Step {
        let t = &mut self.tree;
        match st.tag {
            Tag::Html => {
                if let Some(html) = t.stack.first().map(|o| o.id) {
                    self.merge_attrs(html, st.attrs);
                }
            }
            Tag::Base
            | Tag::Link
            | Tag::Meta
            | Tag::Script
            | Tag::Style
            | Tag::Template
            | Tag::Title => return self.in_head(&Tok::Start(*st)),
            Tag::Body => {
                if let Some(body) = t.stack.get(1).filter(|o| o.tag == Tag::Body).map(|o| o.id) {
                    self.merge_attrs(body, st.attrs);
                }
            }
            Tag::Address
            | Tag::Article
            | Tag::Aside
            | Tag::Blockquote
            | Tag::Center
            | Tag::Details
            | Tag::Dialog
            | Tag::Div
            | Tag::Dl
            | Tag::Fieldset
            | Tag::Figcaption
            | Tag::Figure
            | Tag::Footer
            | Tag::Header
            | Tag::Hgroup
            | Tag::Main
            | Tag::Menu
            | Tag::Nav
            | Tag::Ol
            | Tag::P
            | Tag::Search
            | Tag::Section
            | Tag::Summary
            | Tag::Ul => {
                t.close_p();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                t.close_p();
                if t.current()
                    .is_some_and(|o| o.ns == Ns::Html && o.tag.heading_level().is_some())
                {
                    t.pop();
                }
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Pre => {
                t.close_p();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
                self.skip_lf = true;
            }
            Tag::Form => {
                let in_template = t.stack.iter().any(|o| o.tag == Tag::Template);
                if self.form.is_some() && !in_template {
                    return Step::Done;
                }
                t.close_p();
                let (id, _) = t.insert(st.tag, st.name, st.attrs, Ns::Html);
                if !in_template {
                    self.form = Some(id);
                }
            }
            Tag::Li | Tag::Dd | Tag::Dt => {
                let closes: &[Tag] = if st.tag == Tag::Li {
                    &[Tag::Li]
                } else {
                    &[Tag::Dd, Tag::Dt]
                };
                for i in (0..t.stack.len()).rev() {
                    let o = t.stack[i];
                    if o.ns == Ns::Html && closes.contains(&o.tag) {
                        t.generate_implied_end(Some((o.tag, "")));
                        t.pop_until(|_, x| x.id == o.id);
                        break;
                    }
                    if t.is_special(o)
                        && !(o.ns == Ns::Html && matches!(o.tag, Tag::Address | Tag::Div | Tag::P))
                    {
                        break;
                    }
                }
                t.close_p();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Button => {
                if t.in_scope(Scope::Default, Tag::Button, "button") {
                    t.generate_implied_end(None);
                    t.pop_until_tag(Tag::Button, "button");
                }
                t.reconstruct_formatting();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::A => {
                let open_a = t
                    .afe
                    .iter()
                    .rev()
                    .take_while(|e| e.is_some())
                    .flatten()
                    .find(|&&id| t.doc.tag(id) == Some(Tag::A))
                    .copied();
                if let Some(a) = open_a {
                    t.adoption_agency(Tag::A, "a");
                    if let Some(p) = t.afe.iter().position(|e| *e == Some(a)) {
                        t.afe.remove(p);
                    }
                    if let Some(p) = t.stack.iter().position(|o| o.id == a) {
                        t.stack.remove(p);
                    }
                }
                t.reconstruct_formatting();
                let (id, opened) = t.insert(st.tag, st.name, st.attrs, Ns::Html);
                if opened {
                    t.push_formatting(id);
                }
            }
            Tag::B
            | Tag::Code
            | Tag::Em
            | Tag::Font
            | Tag::I
            | Tag::S
            | Tag::Small
            | Tag::Strike
            | Tag::Strong
            | Tag::Tt
            | Tag::U => self.formatting(st),
            Tag::Other if st.is("big") => self.formatting(st),
            Tag::Other if st.is("nobr") => {
                t.reconstruct_formatting();
                if t.in_scope(Scope::Default, Tag::Other, "nobr") {
                    t.adoption_agency(Tag::Other, "nobr");
                    t.reconstruct_formatting();
                }
                let (id, opened) = t.insert(st.tag, st.name, st.attrs, Ns::Html);
                if opened {
                    t.push_formatting(id);
                }
            }
            Tag::Object => {
                t.reconstruct_formatting();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
                t.afe.push(None);
            }
            Tag::Other if matches!(st.name, "applet" | "marquee") => {
                t.reconstruct_formatting();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
                t.afe.push(None);
            }
            Tag::Table => {
                if !self.quirks {
                    t.close_p();
                }
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
                self.mode = Mode::InTable;
            }
            Tag::Br | Tag::Embed | Tag::Img | Tag::Wbr => {
                t.reconstruct_formatting();
                t.insert_void(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Input => {
                if t.in_scope(Scope::Default, Tag::Select, "select") {
                    t.pop_until_tag(Tag::Select, "select");
                }
                t.reconstruct_formatting();
                t.insert_void(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Other if matches!(st.name, "keygen" | "area") => {
                t.reconstruct_formatting();
                t.insert_void(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Other if st.is("image") => {
                t.reconstruct_formatting();
                t.insert_void(Tag::Img, "img", st.attrs, Ns::Html);
            }
            Tag::Param | Tag::Source | Tag::Track => {
                t.insert_void(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Hr => {
                t.close_p();
                if t.in_scope(Scope::Default, Tag::Select, "select") {
                    t.generate_implied_end(None);
                }
                t.insert_void(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Textarea => {
                self.skip_lf = true;
                return self.text_element(st, TextState::RcData);
            }
            Tag::Iframe => return self.text_element(st, TextState::RawText),
            Tag::Noscript if self.scripting => return self.text_element(st, TextState::RawText),
            Tag::Other if st.is("xmp") => {
                t.close_p();
                t.reconstruct_formatting();
                return self.text_element(st, TextState::RawText);
            }
            Tag::Other if matches!(st.name, "noembed" | "noframes") => {
                return self.text_element(st, TextState::RawText)
            }
            Tag::Other if st.is("listing") => {
                t.close_p();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
                self.skip_lf = true;
            }
            Tag::Other if st.is("plaintext") => {
                t.close_p();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
                return Step::Text(TextState::PlainText);
            }
            // Select content is parsed as body content (the customizable-select parsing that
            // html5ever 0.40 implements): a nested select closes the open one.
            Tag::Select if t.in_scope(Scope::Default, Tag::Select, "select") => {
                t.pop_until_tag(Tag::Select, "select");
            }
            Tag::Select => {
                t.reconstruct_formatting();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Option => {
                if t.in_scope(Scope::Default, Tag::Select, "select") {
                    t.generate_implied_end(Some((Tag::Optgroup, "optgroup")));
                } else if t.current_is(Tag::Option) {
                    t.pop();
                }
                t.reconstruct_formatting();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Optgroup => {
                if t.in_scope(Scope::Default, Tag::Select, "select") {
                    t.generate_implied_end(None);
                } else if t.current_is(Tag::Option) {
                    t.pop();
                }
                t.reconstruct_formatting();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Rp | Tag::Rt => {
                if t.in_scope(Scope::Default, Tag::Ruby, "ruby") {
                    t.generate_implied_end(Some((Tag::Other, "rtc")));
                }
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
            Tag::Math | Tag::Svg => {
                t.reconstruct_formatting();
                let ns = if st.tag == Tag::Svg {
                    Ns::Svg
                } else {
                    Ns::MathMl
                };
                let (_, opened) = t.insert(st.tag, st.name, st.attrs, ns);
                if st.self_closing && opened {
                    t.pop();
                }
            }
            Tag::Caption
            | Tag::Col
            | Tag::Colgroup
            | Tag::Frame
            | Tag::Head
            | Tag::Tbody
            | Tag::Td
            | Tag::Tfoot
            | Tag::Th
            | Tag::Thead
            | Tag::Tr => {}
            Tag::Frameset => {}
            _ => {
                t.reconstruct_formatting();
                t.insert(st.tag, st.name, st.attrs, Ns::Html);
            }
        }
        Step::Done
    }

    pub(super) fn formatting(&mut self, st: &Start<'_, '_>) {
        let t = &mut self.tree;
        t.reconstruct_formatting();
        let (id, opened) = t.insert(st.tag, st.name, st.attrs, Ns::Html);
        if opened {
            t.push_formatting(id);
        }
    }

    pub(super) fn body_end(&mut self, name: &str, tag: Tag) -> Step {
        let t = &mut self.tree;
        match tag {
            Tag::Template => return self.end_template(),
            Tag::Body | Tag::Html => {}
            Tag::Address
            | Tag::Article
            | Tag::Aside
            | Tag::Blockquote
            | Tag::Button
            | Tag::Center
            | Tag::Details
            | Tag::Dialog
            | Tag::Div
            | Tag::Dl
            | Tag::Fieldset
            | Tag::Figcaption
            | Tag::Figure
            | Tag::Footer
            | Tag::Header
            | Tag::Hgroup
            | Tag::Main
            | Tag::Menu
            | Tag::Nav
            | Tag::Ol
            | Tag::Pre
            | Tag::Search
            | Tag::Section
            | Tag::Select
            | Tag::Summary
            | Tag::Ul => {
                if t.in_scope(Scope::Default, tag, name) {
                    t.generate_implied_end(None);
                    t.pop_until_tag(tag, name);
                }
            }
            Tag::Other if matches!(name, "listing" | "dir") => {
                if t.in_scope(Scope::Default, tag, name) {
                    t.generate_implied_end(None);
                    t.pop_until_tag(tag, name);
                }
            }
            Tag::Form => {
                let in_template = t.stack.iter().any(|o| o.tag == Tag::Template);
                if in_template {
                    if t.in_scope(Scope::Default, Tag::Form, "form") {
                        t.generate_implied_end(None);
                        t.pop_until_tag(Tag::Form, "form");
                    }
                } else if let Some(form) = self.form.take() {
                    if t.in_scope_node(Scope::Default, form) {
                        t.generate_implied_end(None);
                        if let Some(i) = t.stack.iter().rposition(|o| o.id == form) {
                            t.stack.remove(i);
                        }
                    }
                }
            }
            Tag::P => {
                if !t.in_scope(Scope::Button, Tag::P, "p") {
                    // A stray `</p>` makes an empty paragraph, as in a browser.
                    t.insert(Tag::P, "p", &[], Ns::Html);
                }
                t.close_p();
            }
            Tag::Li => {
                if t.in_scope(Scope::ListItem, Tag::Li, "li") {
                    t.generate_implied_end(Some((Tag::Li, "li")));
                    t.pop_until_tag(Tag::Li, "li");
                }
            }
            Tag::Dd | Tag::Dt => {
                if t.in_scope(Scope::Default, tag, name) {
                    t.generate_implied_end(Some((tag, name)));
                    t.pop_until_tag(tag, name);
                }
            }
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                let heading = |_: &Tree, o: super::super::tree::Open| {
                    o.ns == Ns::Html && o.tag.heading_level().is_some()
                };
                if t.in_scope_by(Scope::Default, heading) {
                    t.generate_implied_end(None);
                    t.pop_until(heading);
                }
            }
            Tag::A
            | Tag::B
            | Tag::Code
            | Tag::Em
            | Tag::Font
            | Tag::I
            | Tag::S
            | Tag::Small
            | Tag::Strike
            | Tag::Strong
            | Tag::Tt
            | Tag::U => {
                if !t.adoption_agency(tag, name) {
                    self.any_other_end(name, tag);
                }
            }
            Tag::Other if matches!(name, "big" | "nobr") => {
                if !t.adoption_agency(tag, name) {
                    self.any_other_end(name, tag);
                }
            }
            Tag::Object => self.end_marker_element(tag, name),
            Tag::Other if matches!(name, "applet" | "marquee") => {
                self.end_marker_element(tag, name)
            }
            Tag::Br => {
                t.reconstruct_formatting();
                t.insert_void(Tag::Br, "br", &[], Ns::Html);
            }
            _ => self.any_other_end(name, tag),
        }
        Step::Done
    }

    pub(super) fn end_marker_element(&mut self, tag: Tag, name: &str) {
        let t = &mut self.tree;
        if t.in_scope(Scope::Default, tag, name) {
            t.generate_implied_end(None);
            t.pop_until_tag(tag, name);
            t.clear_afe_to_marker();
        }
    }

    pub(super) fn any_other_end(&mut self, name: &str, tag: Tag) {
        let t = &mut self.tree;
        for i in (0..t.stack.len()).rev() {
            let o = t.stack[i];
            if o.ns == Ns::Html && t.name(o.id) == name {
                t.generate_implied_end(Some((tag, name)));
                t.stack.truncate(i);
                return;
            }
            if t.is_special(o) {
                return;
            }
        }
    }
}
