// Programme manager's coverage page: share of each département's population within 30 minutes of a labelled
// France Santé site (choropleth), and the labelled sites (dots).
(function () {
  "use strict";
  var element = document.getElementById("carte-couverture");
  if (!element || !window.L) { return; }
  var M = window.TraitantMaps;
  var map = M.create(element);
  var classes = [
    { max: 0.1, color: "#fee9e6", label: "moins de 10 %" },
    { max: 0.25, color: "#c3d6f3", label: "10 à 25 %" },
    { max: 0.5, color: "#8fb1e8", label: "25 à 50 %" },
    { max: 0.75, color: "#4e7fd1", label: "50 à 75 %" },
    { max: Infinity, color: "#000091", label: "75 % et plus" }
  ];
  Promise.all([M.getJson(element.dataset.geojson), M.getJson(element.dataset.coverage)]).then(function (r) {
    var byCode = {};
    r[1].departements.forEach(function (d) { byCode[d.code] = d; });
    L.geoJSON(r[0], {
      style: function (f) {
        var d = byCode[f.properties.code];
        return { color: "#666", weight: 0.5, fillOpacity: 0.7, fillColor: M.colorOf(classes, d ? d.share : 0) };
      },
      onEachFeature: function (f, layer) {
        var d = byCode[f.properties.code];
        if (d) {
          layer.bindTooltip(M.text(d.code + " " + d.name + " : " + Math.round(100 * d.share) + " % de la population à 30 minutes"));
        }
      }
    }).addTo(map).bringToBack();
    r[1].sites.forEach(function (s) {
      L.circleMarker([s.lat, s.lon], { radius: 3, weight: 1, color: "#18753c", fillColor: "#27a658", fillOpacity: 0.9 }).addTo(map);
    });
    element.dataset.sites = String(r[1].sites.length);
    M.legend(document.getElementById("legende-couverture"), classes, "de la population à 30 minutes d’un site labellisé");
  }).catch(function () { element.dataset.sites = "error"; });
})();
