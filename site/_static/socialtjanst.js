/* The site's own behaviour, offline and without libraries (Vega comes from the page's local vega-*.js):
   interactive charts whose marks show their provenance on hover and keyboard focus, and the filters
   of the page "Alla siffror". */
"use strict";

function tooltipText(value) {
  return Object.entries(value || {})
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [k, String(v)]);
}

function tooltipBox() {
  let box = document.getElementById("diagram-tips");
  if (!box) {
    box = document.createElement("div");
    box.id = "diagram-tips";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    document.body.appendChild(box);
  }
  return box;
}

function showTooltip(value, x, y) {
  const rows = tooltipText(value);
  const box = tooltipBox();
  if (!rows.length) { box.hidden = true; return; }
  const dl = document.createElement("dl");
  for (const [k, v] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = v;
    dl.append(dt, dd);
  }
  box.replaceChildren(dl);
  box.hidden = false;
  const width = Math.min(box.offsetWidth, document.documentElement.clientWidth - 16);
  box.style.left = Math.max(8, Math.min(x + 12, window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
  box.style.top = (y + 16) + "px";
}

function hideTooltip() { tooltipBox().hidden = true; }

function eachItem(node, fn) {
  for (const child of node.items || []) { fn(child); eachItem(child, fn); }
}

const POINTED_MARKS = new Set(["rect", "symbol", "arc"]);  // bars, points, pie slices (not their labels)

async function showChart(figure) {
  const spec = JSON.parse(figure.querySelector("script.vega-spec").textContent);
  const image = figure.querySelector("img.diagram-bild");
  const holder = document.createElement("div");
  holder.className = "vega-vy";
  holder.setAttribute("role", "figure");
  holder.setAttribute("aria-label", image.alt);
  figure.insertBefore(holder, image);
  const target = document.createElement("div");  // vega-embed labels its own element in English
  holder.appendChild(target);
  const result = await window.vegaEmbed(target, spec, {
    renderer: "svg",
    actions: false,
    tooltip: (handler, event, item, value) => {
      if (value) showTooltip(value, event.pageX, event.pageY); else hideTooltip();
    },
  });
  figure.classList.add("interaktiv");
  eachItem(result.view.scenegraph().root, (item) => {
    const el = item._svg;
    if (!el || !item.tooltip || !item.mark || !POINTED_MARKS.has(item.mark.marktype)) return;
    const rows = tooltipText(item.tooltip);
    if (!rows.length) return;
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "img");
    el.setAttribute("aria-label", rows.map(([k, v]) => `${k}: ${v}`).join(". "));
    el.removeAttribute("aria-hidden");
    el.removeAttribute("aria-roledescription");
    for (let up = el.parentElement; up && up !== holder; up = up.parentElement) up.removeAttribute("aria-hidden");
    el.addEventListener("focus", () => {
      const r = el.getBoundingClientRect();
      showTooltip(item.tooltip, r.right + window.scrollX, r.top + window.scrollY);
    });
    el.addEventListener("blur", hideTooltip);
  });
  // Vega's roles and (English) role descriptions: the chart's name is the figure's Swedish text
  // alternative, and its named parts are the marks made focusable above.
  holder.querySelectorAll("[role], [aria-roledescription]").forEach((node) => {
    if (node.hasAttribute("tabindex")) return;
    node.removeAttribute("role");
    node.removeAttribute("aria-roledescription");
    node.removeAttribute("aria-label");
  });
}

function filterObservations(table) {
  const fields = {
    sok: document.getElementById("siffror-sok"),
    kalla: document.getElementById("siffror-kalla"),
    amne: document.getElementById("siffror-amne"),
    ar: document.getElementById("siffror-ar"),
  };
  const count = document.getElementById("siffror-antal");
  const rows = Array.from(table.tBodies[0].rows);
  const update = () => {
    const words = fields.sok.value.toLocaleLowerCase("sv").split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.textContent.toLocaleLowerCase("sv");
      const visible = (!fields.kalla.value || row.dataset.kalla === fields.kalla.value)
        && (!fields.amne.value || row.dataset.amne === fields.amne.value)
        && (!fields.ar.value || row.dataset.ar === fields.ar.value)
        && words.every((w) => text.includes(w));
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    count.textContent = shown === rows.length ? `Visar alla ${rows.length} siffror.` : `Visar ${shown} av ${rows.length} siffror.`;
  };
  for (const field of Object.values(fields)) field.addEventListener("input", update);
  fields.sok.form.addEventListener("submit", (event) => event.preventDefault());
}

document.addEventListener("DOMContentLoaded", () => {
  // The theme's buttons that open a section of the contents have no text of their own.
  document.querySelectorAll("nav summary").forEach((summary) => {
    if (!summary.textContent.trim()) summary.setAttribute("aria-label", "Visa eller dölj avsnittets sidor");
  });
  if (window.vegaEmbed) document.querySelectorAll("figure.diagram").forEach((f) => {
    if (f.querySelector("script.vega-spec")) showChart(f).catch((e) => console.error(e));
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hideTooltip(); });
  const table = document.getElementById("siffror");
  if (table) filterObservations(table);
});
