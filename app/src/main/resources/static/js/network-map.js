// Network manager's map: signatories per département (choropleth) and each signatory as a dot.
(function () {
  "use strict";
  var element = document.getElementById("carte-reseau");
  if (!element || !window.L) { return; }
  var map = TraitantMaps.create(element);
  var classes = [
    { max: 1, color: "#f6f6f6", label: "0" },
    { max: 10, color: "#c3d6f3", label: "1 à 9" },
    { max: 30, color: "#8fb1e8", label: "10 à 29" },
    { max: 100, color: "#4e7fd1", label: "30 à 99" },
    { max: Infinity, color: "#000091", label: "100 et plus" }
  ];
  Promise.all([TraitantMaps.getJson(element.dataset.geojson), TraitantMaps.getJson(element.dataset.departements)])
    .then(function (r) {
      var counts = {};
      r[1].forEach(function (d) { counts[d.code] = d; });
      L.geoJSON(r[0], {
        style: function (f) {
          var c = counts[f.properties.code];
          return { color: "#666", weight: 0.5, fillOpacity: 0.6, fillColor: TraitantMaps.colorOf(classes, c ? c.members : 0) };
        },
        onEachFeature: function (f, layer) {
          var c = counts[f.properties.code];
          layer.bindTooltip(TraitantMaps.text((c ? c.code + " " + c.name + " : " + c.members : f.properties.code) + " signataire(s)"));
        }
      }).addTo(map).bringToBack();
      TraitantMaps.legend(document.getElementById("legende-reseau"), classes, "signataire(s)");
    }).catch(function () { /* the table gives the same figures */ });
  TraitantMaps.getJson(element.dataset.points).then(function (points) {
    points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], { radius: 2, weight: 0, fillColor: "#e1000f", fillOpacity: 0.8 }).addTo(map);
    });
    element.dataset.markers = String(points.length);
  }).catch(function () { element.dataset.markers = "error"; });
})();
