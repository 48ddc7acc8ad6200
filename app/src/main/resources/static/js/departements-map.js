// Home page: choropleth of metropolitan départements by population density.
(function () {
  "use strict";
  var element = document.getElementById("carte-departements");
  if (!element || typeof L === "undefined") { return; }
  var M = window.TraitantMaps;
  var classes = [
    { max: 50, color: "#f5f5fe", label: "moins de 50" },
    { max: 100, color: "#cacafb", label: "50 à 100" },
    { max: 250, color: "#8585f6", label: "100 à 250" },
    { max: 1000, color: "#313178", label: "250 à 1 000" },
    { max: Infinity, color: "#000091", label: "1 000 et plus" }
  ];
  var map = M.create(element);
  Promise.all([M.getJson(element.dataset.geojson), M.getJson(element.dataset.departements)]).then(function (results) {
    var byCode = {};
    results[1].forEach(function (d) { byCode[d.code] = d; });
    function density(d) { return d && d.areaKm2 > 0 ? d.population / d.areaKm2 : 0; }
    var layer = L.geoJSON(results[0], {
      style: function (feature) {
        return { color: "#161616", weight: 0.6, fillOpacity: 0.85, fillColor: M.colorOf(classes, density(byCode[feature.properties.code])) };
      },
      onEachFeature: function (feature, lyr) {
        var d = byCode[feature.properties.code];
        if (d) {
          lyr.bindTooltip(M.text(d.name + " (" + d.code + ") : " + M.number.format(d.population) + " hab., "
            + M.number.format(density(d)) + " hab./km²"));
        }
      }
    }).addTo(map);
    map.fitBounds(layer.getBounds());
    element.dataset.loaded = "true";
  });
  M.legend(document.getElementById("carte-legende"), classes, "hab./km²");
})();
