// The practice of the family's doctor on a small map (offline outlines unless tiles are configured).
(function () {
  "use strict";
  var element = document.getElementById("carte-medecin");
  if (!element || !window.L) { return; }
  var at = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
  var map = TraitantMaps.create(element, at);
  map.setView(at, 11);
  if (!element.dataset.tileUrl && element.dataset.geojson) {
    TraitantMaps.getJson(element.dataset.geojson).then(function (geo) {
      L.geoJSON(geo, { style: { color: "#929292", weight: 1, fillOpacity: 0.03 } }).addTo(map).bringToBack();
    }).catch(function () { /* outlines are decoration only */ });
  }
  L.circleMarker(at, { radius: 8, color: "#000091", fillOpacity: 0.9 })
    .bindTooltip(TraitantMaps.text(element.dataset.name), { permanent: true, direction: "top" }).addTo(map);
  element.dataset.loaded = "true";
})();
