// Shared helpers for Traitant's Leaflet maps: offline by default (shipped outlines, no tiles unless configured),
// class-based colouring and a legend without inline styles in the HTML.
window.TraitantMaps = (function () {
  "use strict";
  var number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
  var decimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function create(element, view) {
    var map = L.map(element, { zoomSnap: 0.25 }).setView(view || [46.6, 2.4], 5.5);
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.tileAttribution || "", maxZoom: 18 }).addTo(map);
    }
    if (element.dataset.zones) { zones(map, element); }
    return map;
  }

  // The priority zones, outlined above every other layer of a map (a pane of their own, not clickable), with a legend
  // line after the map that says which list they come from and that the outlines are approximate.
  function zones(map, element) {
    map.createPane("zones");
    map.getPane("zones").style.zIndex = 450;
    map.getPane("zones").style.pointerEvents = "none";
    getJson(element.dataset.zones).then(function (data) {
      if (!data.features || data.features.length === 0) { return; }
      L.geoJSON(data, {
        pane: "zones", interactive: false,
        style: { color: "#161616", weight: 2, dashArray: "5 4", fill: false }
      }).addTo(map);
      var note = document.createElement("p");
      note.className = "traitant-zones-legend fr-text--sm fr-mb-1w";
      var swatch = document.createElement("span");
      swatch.className = "traitant-zones-legend__swatch";
      note.appendChild(swatch);
      note.appendChild(document.createTextNode(data.legend));
      element.insertAdjacentElement("afterend", note);
    }).catch(function () { /* the map stays usable without the zones */ });
  }

  function colorOf(classes, value) {
    for (var i = 0; i < classes.length; i++) { if (value < classes[i].max) { return classes[i].color; } }
    return classes[classes.length - 1].color;
  }

  function legend(container, classes, unit) {
    if (!container) { return; }
    container.textContent = "";
    var list = document.createElement("ul");
    list.className = "traitant-legend";
    classes.forEach(function (c) {
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "traitant-legend__swatch";
      swatch.style.backgroundColor = c.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(c.label + (unit ? " " + unit : "")));
      list.appendChild(item);
    });
    container.appendChild(list);
  }

  // Tooltips and popups get a text node, never a string: Leaflet inserts strings as HTML, and names come from
  // imported files (a name such as "<img onerror=…>" must stay text).
  function text(value) {
    var span = document.createElement("span");
    span.textContent = String(value);
    return span;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/json, application/geo+json" } }).then(function (r) {
      if (!r.ok) { throw new Error(url + " : " + r.status); }
      return r.json();
    });
  }

  return {
    text: text, create: create, colorOf: colorOf, legend: legend, getJson: getJson, number: number, decimal: decimal };
})();
