// Network manager's campaign page: uncovered demand per département (choropleth), communes where demand is left
// uncovered (circles, area proportional) and signatories (dots).
(function () {
  "use strict";
  var element = document.getElementById("carte-manques");
  if (!element || !window.L) { return; }
  var M = window.TraitantMaps;
  var map = M.create(element);
  var classes = [
    { max: 0.5, color: "#f6f6f6", label: "aucune" },
    { max: 10, color: "#fee9e6", label: "moins de 10" },
    { max: 50, color: "#fcbfb7", label: "10 à 49" },
    { max: 200, color: "#f95c5e", label: "50 à 199" },
    { max: Infinity, color: "#ce0500", label: "200 et plus" }
  ];
  Promise.all([M.getJson(element.dataset.geojson), M.getJson(element.dataset.gaps)]).then(function (r) {
    var byCode = {};
    r[1].departements.forEach(function (d) { byCode[d.code] = d; });
    L.geoJSON(r[0], {
      style: function (f) {
        var d = byCode[f.properties.code];
        return { color: "#666", weight: 0.5, fillOpacity: 0.6, fillColor: M.colorOf(classes, d ? d.uncovered : 0) };
      },
      onEachFeature: function (f, layer) {
        var d = byCode[f.properties.code];
        if (d) {
          layer.bindTooltip(M.text(d.code + " " + d.name + " : demande " + M.number.format(d.demand)
            + ", non couverte " + M.number.format(Math.round(d.uncovered)) + ", signataires " + M.number.format(d.members)));
        }
      }
    }).addTo(map).bringToBack();
    var shown = 0;
    r[1].communes.forEach(function (c) {
      if (c.uncovered < 0.5) { return; }
      shown++;
      L.circleMarker([c.lat, c.lon], {
        radius: Math.max(2, Math.sqrt(c.uncovered) * 1.5), weight: 1, color: "#b34000", fillColor: "#fc5d00", fillOpacity: 0.4
      }).bindTooltip(M.text(c.name + " (" + c.departement + ") : " + M.number.format(Math.round(c.uncovered))
        + " personne(s) non couverte(s) sur " + M.number.format(c.demand))).addTo(map);
    });
    element.dataset.communes = String(shown);
    M.legend(document.getElementById("legende-manques"), classes, "personne(s) non couverte(s) par département");
  }).catch(function () { element.dataset.communes = "error"; });
  M.getJson(element.dataset.points).then(function (points) {
    points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], { radius: 2, weight: 0, fillColor: "#e1000f", fillOpacity: 0.8 }).addTo(map);
    });
    element.dataset.markers = String(points.length);
  }).catch(function () { element.dataset.markers = "error"; });
})();
