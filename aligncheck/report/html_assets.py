"""The inline stylesheet and script of the HTML report (no network, no external files)."""

# A backslash at a line end joins the next line to it (long lines stay whole in the page).
CSS = """
:root { --error: #c62828; --warning: #ef6c00; --info: #1565c0; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; \
margin: 0; color: #1f2328; }
header { padding: 16px 24px; background: #f6f8fa; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 24px 0 8px; }
.meta, .cellhead, .loc, .cont, figcaption { color: var(--muted); font-size: 12px; }
.chips { display: flex; gap: 8px; margin: 8px 0; flex-wrap: wrap; }
.chip { border-radius: 12px; padding: 2px 10px; color: #fff; font-weight: 600; }
.chip.sev-error, .sev.sev-error { background: var(--error); }
.chip.sev-warning, .sev.sev-warning { background: var(--warning); }
.chip.sev-info, .sev.sev-info { background: var(--info); }
table { border-collapse: collapse; }
.totals td, .totals th { border: 1px solid var(--line); padding: 2px 8px; text-align: right; }
.totals td:first-child, .totals td:nth-child(2) { text-align: left; }
.titles { margin: 8px 0; } .titles caption { text-align: left; font-weight: 600; }
.titles td, .titles th { border: 1px solid var(--line); padding: 2px 8px; text-align: left; }
.titles td.num { text-align: right; }
.warnings { color: var(--warning); margin: 6px 0; }
#filters { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 10px; align-items: flex-start; }
#filters fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; \
margin: 0; background: #fff; }
#filters label { margin-right: 10px; white-space: nowrap; cursor: pointer; }
main { padding: 0 24px 40px; }
.overviews { display: flex; flex-wrap: wrap; gap: 12px; }
.overview { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 6px; \
background: #fff; }
.overview svg { display: block; width: 420px; height: 64px; }
table.aligned { width: 100%; table-layout: fixed; margin-top: 12px; }
table.aligned th { overflow-wrap: anywhere; position: sticky; top: 0; background: #f6f8fa;
  text-align: left; padding: 6px;
  border-bottom: 2px solid var(--line); z-index: 1; }
table.aligned th.idx, table.aligned td.idx { width: 44px; text-align: right; color: var(--muted); }
table.aligned td { vertical-align: top; padding: 6px; border-top: 1px solid var(--line); }
tbody.row.has-error td.idx { border-left: 4px solid var(--error); }
tbody.row.has-warning td.idx { border-left: 4px solid var(--warning); }
tbody.row.has-info td.idx { border-left: 4px solid var(--info); }
tbody.row { scroll-margin-top: 48px; }
tbody.row tr.notes td { border-top: 1px dashed var(--line); background: #fafbfc; }
.text { white-space: pre-wrap; margin: 2px 0 0; overflow-wrap: anywhere; }
.gap { color: var(--error); font-style: italic; }
.score { border-radius: 4px; padding: 0 4px; color: #fff; }
.score.hi { background: #2e7d32; } .score.mid { background: #b28704; } \
.score.lo { background: var(--error); }
mark { border-radius: 2px; padding: 0 1px; cursor: help; }
mark.sev-error { background: #ffcdd2; box-shadow: inset 0 -2px var(--error); }
mark.sev-warning { background: #ffe0b2; box-shadow: inset 0 -2px var(--warning); }
mark.sev-info { background: #d6e6fb; box-shadow: inset 0 -2px var(--info); }
mark.off { background: none; box-shadow: none; cursor: inherit; }
mark.focus { outline: 2px solid #1f2328; }
ul.findings { margin: 0; padding-left: 0; list-style: none; }
li.finding { margin: 2px 0; }
.sev { color: #fff; border-radius: 3px; padding: 0 5px; font-size: 11px; \
text-transform: uppercase; }
.lang { font-weight: 600; }
a.rule { text-decoration: none; color: inherit; }
.rule-doc { margin: 6px 0; } .rule-doc summary { cursor: pointer; }
.rule-doc pre { background: #f6f8fa; padding: 6px 10px; border-radius: 6px; white-space: pre-wrap; }
.rule-doc h4 { margin: 8px 0 2px; font-size: 13px; }
[hidden] { display: none !important; }
"""

JS = """
(function () {
  const form = document.getElementById('filters');
  const chosen = kind => new Set(Array.from(
    form.querySelectorAll('input[data-filter="' + kind + '"]:checked'), i => i.value));
  function apply() {
    const sev = chosen('severity'), lang = chosen('lang'), cat = chosen('category');
    const only = document.getElementById('only-findings').checked;
    let shown = 0;
    document.querySelectorAll('li.finding').forEach(f => {
      f.hidden = !(sev.has(f.dataset.severity) && lang.has(f.dataset.lang) \
&& cat.has(f.dataset.category));
      if (!f.hidden) shown++;
    });
    document.querySelectorAll('mark[data-f]').forEach(m => {
      const on = m.dataset.f.split(' ').some(id => !document.getElementById(id).hidden);
      m.classList.toggle('off', !on);
    });
    document.querySelectorAll('[data-col]').forEach(c => { c.hidden = !lang.has(c.dataset.col); });
    document.querySelectorAll('tbody.row').forEach(row => {
      const visible = row.querySelectorAll('li.finding:not([hidden])').length;
      const notes = row.querySelector('tr.notes');
      if (notes) notes.hidden = visible === 0;
      const ownLang = row.dataset.only;
      row.hidden = (only && visible === 0) || (ownLang !== undefined && !lang.has(ownLang));
    });
    document.querySelectorAll('ul.release-findings').forEach(u => {
      u.hidden = u.querySelectorAll('li.finding:not([hidden])').length === 0;
    });
    document.getElementById('shown').textContent = shown;
  }
  form.addEventListener('change', apply);
  document.querySelectorAll('li.finding').forEach(f => {
    const marks = () => document.querySelectorAll('mark[data-f~="' + f.id + '"]');
    f.addEventListener('mouseenter', () => marks().forEach(m => m.classList.add('focus')));
    f.addEventListener('mouseleave', () => marks().forEach(m => m.classList.remove('focus')));
  });
  const openRule = () => {
    const target = location.hash.startsWith('#rule-') \
&& document.getElementById(location.hash.slice(1));
    if (target) { target.open = true; target.scrollIntoView(); }
  };
  window.addEventListener('hashchange', openRule);
  document.querySelectorAll('a.rule').forEach(a => a.addEventListener('click', () => {
    const doc = document.getElementById(a.hash.slice(1));
    if (doc) doc.open = true;
  }));
  openRule();
  apply();
})();
"""
