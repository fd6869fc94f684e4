//! Tree construction inside tables: the table, table body, row, cell, caption and column group
//! insertion modes, and resetting the mode after a table element closes.

use super::*;

impl Builder {
    /// Pops to the table (or template, html), as the table modes do before inserting rows.
    pub(super) fn clear_to(&mut self, stops: &[Tag]) {
        while let Some(o) = self.tree.current() {
            if o.ns == Ns::Html
                && (stops.contains(&o.tag) || matches!(o.tag, Tag::Html | Tag::Template))
            {
                break;
            }
            self.tree.pop();
        }
    }

    pub(super) fn in_table(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Text(_) => unreachable_text(),
            Tok::Comment => {
                self.comment();
                Step::Done
            }
            Tok::Start(st) => match st.tag {
                Tag::Caption => {
                    self.clear_to(&[Tag::Table]);
                    self.tree.afe.push(None);
                    self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                    self.mode = Mode::InCaption;
                    Step::Done
                }
                Tag::Colgroup => {
                    self.clear_to(&[Tag::Table]);
                    self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                    self.mode = Mode::InColumnGroup;
                    Step::Done
                }
                Tag::Col => {
                    self.clear_to(&[Tag::Table]);
                    self.tree.insert(Tag::Colgroup, "colgroup", &[], Ns::Html);
                    self.mode = Mode::InColumnGroup;
                    Step::Again
                }
                Tag::Tbody | Tag::Tfoot | Tag::Thead => {
                    self.clear_to(&[Tag::Table]);
                    self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                    self.mode = Mode::InTableBody;
                    Step::Done
                }
                Tag::Td | Tag::Th | Tag::Tr => {
                    self.clear_to(&[Tag::Table]);
                    self.tree.insert(Tag::Tbody, "tbody", &[], Ns::Html);
                    self.mode = Mode::InTableBody;
                    Step::Again
                }
                Tag::Table => {
                    if !self.tree.in_scope(Scope::Table, Tag::Table, "table") {
                        return Step::Done;
                    }
                    self.tree.pop_until_tag(Tag::Table, "table");
                    self.reset_mode();
                    Step::Again
                }
                Tag::Style | Tag::Script | Tag::Template => self.in_head(tok),
                Tag::Input
                    if st
                        .attr("type")
                        .is_some_and(|v| v.eq_ignore_ascii_case("hidden")) =>
                {
                    self.tree.insert_void(st.tag, st.name, st.attrs, Ns::Html);
                    Step::Done
                }
                Tag::Form => {
                    let in_template = self.tree.stack.iter().any(|o| o.tag == Tag::Template);
                    if self.form.is_none() && !in_template {
                        let (id, opened) = self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                        self.form = Some(id);
                        if opened {
                            self.tree.pop();
                        }
                    }
                    Step::Done
                }
                _ => self.foster_in_body(tok),
            },
            Tok::End(_, tag) => match tag {
                Tag::Table => {
                    if self.tree.in_scope(Scope::Table, Tag::Table, "table") {
                        self.tree.pop_until_tag(Tag::Table, "table");
                        self.reset_mode();
                    }
                    Step::Done
                }
                Tag::Body
                | Tag::Caption
                | Tag::Col
                | Tag::Colgroup
                | Tag::Html
                | Tag::Tbody
                | Tag::Td
                | Tag::Tfoot
                | Tag::Th
                | Tag::Thead
                | Tag::Tr => Step::Done,
                Tag::Template => self.in_head(tok),
                _ => self.foster_in_body(tok),
            },
        }
    }

    /// Content that does not belong in a table is parsed as body content placed before it.
    pub(super) fn foster_in_body(&mut self, tok: &Tok<'_, '_>) -> Step {
        self.tree.foster = true;
        let step = self.in_body(tok);
        self.tree.foster = false;
        step
    }

    pub(super) fn in_caption(&mut self, tok: &Tok<'_, '_>) -> Step {
        let ends_caption = match tok {
            Tok::Start(st) => matches!(
                st.tag,
                Tag::Caption
                    | Tag::Col
                    | Tag::Colgroup
                    | Tag::Tbody
                    | Tag::Td
                    | Tag::Tfoot
                    | Tag::Th
                    | Tag::Thead
                    | Tag::Tr
            ),
            Tok::End(_, Tag::Table) => true,
            Tok::End(_, Tag::Caption) => {
                self.close_caption();
                return Step::Done;
            }
            Tok::End(
                _,
                Tag::Body
                | Tag::Col
                | Tag::Colgroup
                | Tag::Html
                | Tag::Tbody
                | Tag::Td
                | Tag::Tfoot
                | Tag::Th
                | Tag::Thead
                | Tag::Tr,
            ) => return Step::Done,
            _ => false,
        };
        if ends_caption {
            if self.close_caption() {
                return Step::Again;
            }
            return Step::Done;
        }
        self.in_body(tok)
    }

    pub(super) fn close_caption(&mut self) -> bool {
        let t = &mut self.tree;
        if !t.in_scope(Scope::Table, Tag::Caption, "caption") {
            return false;
        }
        t.generate_implied_end(None);
        t.pop_until_tag(Tag::Caption, "caption");
        t.clear_afe_to_marker();
        self.mode = Mode::InTable;
        true
    }

    pub(super) fn in_column_group(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Comment => {
                self.comment();
                Step::Done
            }
            Tok::Start(st) if st.tag == Tag::Html => self.in_body(tok),
            Tok::Start(st) if st.tag == Tag::Col => {
                self.tree.insert_void(st.tag, st.name, st.attrs, Ns::Html);
                Step::Done
            }
            Tok::Start(st) if st.tag == Tag::Template => self.in_head(tok),
            Tok::End(_, Tag::Template) => self.in_head(tok),
            Tok::End(_, Tag::Col) => Step::Done,
            Tok::End(_, Tag::Colgroup) => {
                if self.tree.current_is(Tag::Colgroup) {
                    self.tree.pop();
                    self.mode = Mode::InTable;
                }
                Step::Done
            }
            _ => {
                if !self.tree.current_is(Tag::Colgroup) {
                    return Step::Done;
                }
                self.tree.pop();
                self.mode = Mode::InTable;
                Step::Again
            }
        }
    }

    pub(super) fn in_table_body(&mut self, tok: &Tok<'_, '_>) -> Step {
        const SECTIONS: [Tag; 3] = [Tag::Tbody, Tag::Tfoot, Tag::Thead];
        match tok {
            Tok::Start(st) if st.tag == Tag::Tr => {
                self.clear_to(&SECTIONS);
                self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                self.mode = Mode::InRow;
                Step::Done
            }
            Tok::Start(st) if matches!(st.tag, Tag::Th | Tag::Td) => {
                self.clear_to(&SECTIONS);
                self.tree.insert(Tag::Tr, "tr", &[], Ns::Html);
                self.mode = Mode::InRow;
                Step::Again
            }
            Tok::End(name, tag @ (Tag::Tbody | Tag::Tfoot | Tag::Thead)) => {
                if self.tree.in_scope(Scope::Table, *tag, name) {
                    self.clear_to(&SECTIONS);
                    self.tree.pop();
                    self.mode = Mode::InTable;
                }
                Step::Done
            }
            Tok::Start(Start {
                tag: Tag::Caption | Tag::Col | Tag::Colgroup | Tag::Tbody | Tag::Tfoot | Tag::Thead,
                ..
            })
            | Tok::End(_, Tag::Table) => {
                let open = self.tree.in_scope_by(Scope::Table, |_, o| {
                    o.ns == Ns::Html && SECTIONS.contains(&o.tag)
                });
                if !open {
                    return Step::Done;
                }
                self.clear_to(&SECTIONS);
                self.tree.pop();
                self.mode = Mode::InTable;
                Step::Again
            }
            Tok::End(
                _,
                Tag::Body
                | Tag::Caption
                | Tag::Col
                | Tag::Colgroup
                | Tag::Html
                | Tag::Td
                | Tag::Th
                | Tag::Tr,
            ) => Step::Done,
            _ => self.in_table(tok),
        }
    }

    pub(super) fn in_row(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::Start(st) if matches!(st.tag, Tag::Th | Tag::Td) => {
                self.clear_to(&[Tag::Tr]);
                self.tree.insert(st.tag, st.name, st.attrs, Ns::Html);
                self.mode = Mode::InCell;
                self.tree.afe.push(None);
                Step::Done
            }
            Tok::End(_, Tag::Tr) => {
                self.close_row();
                Step::Done
            }
            Tok::Start(Start {
                tag:
                    Tag::Caption
                    | Tag::Col
                    | Tag::Colgroup
                    | Tag::Tbody
                    | Tag::Tfoot
                    | Tag::Thead
                    | Tag::Tr,
                ..
            })
            | Tok::End(_, Tag::Table) => {
                if self.close_row() {
                    Step::Again
                } else {
                    Step::Done
                }
            }
            Tok::End(name, tag @ (Tag::Tbody | Tag::Tfoot | Tag::Thead)) => {
                if !self.tree.in_scope(Scope::Table, *tag, name) {
                    return Step::Done;
                }
                if self.close_row() {
                    Step::Again
                } else {
                    Step::Done
                }
            }
            Tok::End(
                _,
                Tag::Body | Tag::Caption | Tag::Col | Tag::Colgroup | Tag::Html | Tag::Td | Tag::Th,
            ) => Step::Done,
            _ => self.in_table(tok),
        }
    }

    pub(super) fn close_row(&mut self) -> bool {
        if !self.tree.in_scope(Scope::Table, Tag::Tr, "tr") {
            return false;
        }
        self.clear_to(&[Tag::Tr]);
        self.tree.pop();
        self.mode = Mode::InTableBody;
        true
    }

    pub(super) fn in_cell(&mut self, tok: &Tok<'_, '_>) -> Step {
        match tok {
            Tok::End(name, tag @ (Tag::Td | Tag::Th)) => {
                let t = &mut self.tree;
                if t.in_scope(Scope::Table, *tag, name) {
                    t.generate_implied_end(None);
                    t.pop_until_tag(*tag, name);
                    t.clear_afe_to_marker();
                    self.mode = Mode::InRow;
                }
                Step::Done
            }
            Tok::Start(Start {
                tag:
                    Tag::Caption
                    | Tag::Col
                    | Tag::Colgroup
                    | Tag::Tbody
                    | Tag::Td
                    | Tag::Tfoot
                    | Tag::Th
                    | Tag::Thead
                    | Tag::Tr,
                ..
            }) => {
                if self.close_cell() {
                    Step::Again
                } else {
                    Step::Done
                }
            }
            Tok::End(_, Tag::Body | Tag::Caption | Tag::Col | Tag::Colgroup | Tag::Html) => {
                Step::Done
            }
            Tok::End(name, tag @ (Tag::Table | Tag::Tbody | Tag::Tfoot | Tag::Thead | Tag::Tr)) => {
                if self.tree.in_scope(Scope::Table, *tag, name) && self.close_cell() {
                    Step::Again
                } else {
                    Step::Done
                }
            }
            _ => self.in_body(tok),
        }
    }

    pub(super) fn close_cell(&mut self) -> bool {
        let t = &mut self.tree;
        let cell = |_: &Tree, o: super::super::tree::Open| {
            o.ns == Ns::Html && matches!(o.tag, Tag::Td | Tag::Th)
        };
        if !t.in_scope_by(Scope::Table, cell) {
            return false;
        }
        t.generate_implied_end(None);
        t.pop_until(cell);
        t.clear_afe_to_marker();
        self.mode = Mode::InRow;
        true
    }

    /// The spec's "reset the insertion mode appropriately", from the open elements.
    pub(super) fn reset_mode(&mut self) {
        let stack = &self.tree.stack;
        for i in (0..stack.len()).rev() {
            let o = stack[i];
            let last = i == 0;
            if o.ns != Ns::Html {
                continue;
            }
            let mode = match o.tag {
                Tag::Td | Tag::Th if !last => Some(Mode::InCell),
                Tag::Tr => Some(Mode::InRow),
                Tag::Tbody | Tag::Thead | Tag::Tfoot => Some(Mode::InTableBody),
                Tag::Caption => Some(Mode::InCaption),
                Tag::Colgroup => Some(Mode::InColumnGroup),
                Tag::Table => Some(Mode::InTable),
                Tag::Template => Some(
                    self.template_modes
                        .iter()
                        .rev()
                        .find(|(id, _)| *id == o.id)
                        .and_then(|(_, mode)| *mode)
                        .unwrap_or(Mode::InBody),
                ),
                Tag::Head if !last => Some(Mode::InHead),
                Tag::Body => Some(Mode::InBody),
                // In a fragment the root stands for the context element (`noscript`), which
                // leaves the mode "in body".
                Tag::Html if self.fragment => Some(Mode::InBody),
                Tag::Html => Some(if self.head.is_none() {
                    Mode::BeforeHead
                } else {
                    Mode::AfterHead
                }),
                _ => None,
            };
            if let Some(m) = mode {
                self.mode = m;
                return;
            }
        }
        self.mode = Mode::InBody;
    }
}
