// "Accès aux soins": APL choropleth by département (shipped outlines) or by commune (points, canvas).
(function () {
  "use strict";
  var element = document.getElementById("carte-apl");
  if (!element || typeof L === "undefined") { return; }
  var M = window.TraitantMaps;
  var classes = [
    { max: 1.5, color: "#ce0500", label: "moins de 1,5" },
    { max: 2.5, color: "#fc5d00", label: "1,5 à 2,5 (sous-dense)" },
    { max: 3.5, color: "#fcc63a", label: "2,5 à 3,5" },
    { max: 4.5, color: "#95e257", label: "3,5 à 4,5" },
    { max: Infinity, color: "#18753c", label: "4,5 et plus" }
  ];
  var map = M.create(element);
  var departementLayer = null;
  var communeLayer = null;

  function showDepartements() {
    if (communeLayer) { map.removeLayer(communeLayer); }
    if (departementLayer) { departementLayer.addTo(map); return Promise.resolve(); }
    return Promise.all([M.getJson(element.dataset.geojson), M.getJson(element.dataset.departements)]).then(function (results) {
      var byCode = {};
      results[1].forEach(function (d) { byCode[d.code] = d; });
      departementLayer = L.geoJSON(results[0], {
        style: function (feature) {
          var d = byCode[feature.properties.code];
          return { color: "#161616", weight: 0.6, fillOpacity: 0.85, fillColor: d ? M.colorOf(classes, d.apl) : "#dddddd" };
        },
        onEachFeature: function (feature, lyr) {
          var d = byCode[feature.properties.code];
          if (d) {
            lyr.bindTooltip(M.text(d.name + " (" + d.code + ") : APL " + M.decimal.format(d.apl) + " — "
              + M.number.format(d.underservedPopulation) + " hab. en zone sous-dense"));
          }
        }
      }).addTo(map);
      map.fitBounds(departementLayer.getBounds());
      element.dataset.level = "departements";
    });
  }

  function showCommunes() {
    if (departementLayer) { map.removeLayer(departementLayer); }
    if (communeLayer) { communeLayer.addTo(map); element.dataset.level = "communes"; return Promise.resolve(); }
    return M.getJson(element.dataset.communes).then(function (communes) {
      var renderer = L.canvas({ padding: 0.2 });
      communeLayer = L.layerGroup();
      communes.forEach(function (c) {
        if (c.lat < 41 || c.lat > 51.5 || c.lon < -5.5 || c.lon > 10) { return; } // metropolitan view
        L.circleMarker([c.lat, c.lon], {
          renderer: renderer, radius: c.population > 50000 ? 4 : c.population > 5000 ? 2.5 : 1.5,
          stroke: false, fillOpacity: 0.8, fillColor: M.colorOf(classes, c.apl)
        }).bindTooltip(M.text(c.name + " (" + c.code + ") : APL " + M.decimal.format(c.apl))).addTo(communeLayer);
      });
      communeLayer.addTo(map);
      element.dataset.level = "communes";
    });
  }

  document.querySelectorAll("input[name=niveau-carte]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.checked) { (input.value === "communes" ? showCommunes : showDepartements)(); }
    });
  });
  showDepartements().then(function () { element.dataset.loaded = "true"; });
  M.legend(document.getElementById("carte-apl-legende"), classes, "consultations/hab./an");
})();
