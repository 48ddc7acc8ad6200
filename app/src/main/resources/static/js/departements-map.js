// Choropleth of metropolitan départements by population density, on the shipped outlines.
// Works offline: no tile server unless one is configured (traitant.map.tile-url).
(function () {
  "use strict";
  var element = document.getElementById("carte-departements");
  if (!element || typeof L === "undefined") { return; }

  var classes = [
    { max: 50, color: "#f5f5fe", label: "moins de 50" },
    { max: 100, color: "#cacafb", label: "50 à 100" },
    { max: 250, color: "#8585f6", label: "100 à 250" },
    { max: 1000, color: "#313178", label: "250 à 1 000" },
    { max: Infinity, color: "#000091", label: "1 000 et plus" }
  ];
  function colorOf(density) {
    for (var i = 0; i < classes.length; i++) { if (density < classes[i].max) { return classes[i].color; } }
    return classes[classes.length - 1].color;
  }
  var format = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

  var map = L.map(element, { zoomSnap: 0.25, attributionControl: true }).setView([46.6, 2.4], 5.5);
  var tileUrl = element.dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: element.dataset.tileAttribution || "", maxZoom: 18 }).addTo(map);
  }

  Promise.all([
    fetch(element.dataset.geojson).then(function (r) { return r.json(); }),
    fetch(element.dataset.departements, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); })
  ]).then(function (results) {
    var byCode = {};
    results[1].forEach(function (d) { byCode[d.code] = d; });
    var layer = L.geoJSON(results[0], {
      style: function (feature) {
        var d = byCode[feature.properties.code];
        var density = d && d.areaKm2 > 0 ? d.population / d.areaKm2 : 0;
        return { color: "#161616", weight: 0.6, fillOpacity: 0.85, fillColor: colorOf(density) };
      },
      onEachFeature: function (feature, lyr) {
        var d = byCode[feature.properties.code];
        if (!d) { return; }
        var density = d.areaKm2 > 0 ? d.population / d.areaKm2 : 0;
        lyr.bindTooltip(d.name + " (" + d.code + ") : " + format.format(d.population) + " hab., "
          + format.format(density) + " hab./km²");
      }
    }).addTo(map);
    map.fitBounds(layer.getBounds());
    element.dataset.loaded = "true";
  });

  var legend = document.getElementById("carte-legende");
  if (legend) {
    var list = document.createElement("ul");
    list.className = "traitant-legend";
    classes.forEach(function (c) {
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "traitant-legend__swatch";
      swatch.style.backgroundColor = c.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(c.label + " hab./km²"));
      list.appendChild(item);
    });
    legend.appendChild(list);
  }
})();
