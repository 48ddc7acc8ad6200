// "Trouver un médecin": the "près de moi" button and the map of the doctors found (same query as the list, via the API).
(function () {
  "use strict";
  var button = document.getElementById("pres-de-moi");
  if (button) {
    button.addEventListener("click", function () {
      var state = document.getElementById("position-etat");
      if (!navigator.geolocation) { state.textContent = "La géolocalisation n'est pas disponible dans ce navigateur."; return; }
      state.textContent = "Recherche de votre position…";
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById("lat").value = p.coords.latitude.toFixed(5);
        document.getElementById("lon").value = p.coords.longitude.toFixed(5);
        document.getElementById("place").value = "";
        state.textContent = "Position trouvée.";
        document.getElementById("recherche-medecin").submit();
      }, function () { state.textContent = "Position refusée ou indisponible : saisissez une commune."; });
    });
  }
  // A typed place replaces a previous position.
  var place = document.getElementById("place");
  if (place) {
    place.addEventListener("input", function () {
      document.getElementById("lat").value = "";
      document.getElementById("lon").value = "";
    });
  }
  var form = document.getElementById("recherche-medecin");
  if (form) {
    form.addEventListener("submit", function () {
      ["lat", "lon"].forEach(function (id) { var f = document.getElementById(id); if (!f.value) { f.disabled = true; } });
    });
  }
  var element = document.getElementById("carte-medecins");
  if (!element || !window.L) { return; }
  var map = TraitantMaps.create(element);
  if (!element.dataset.tileUrl && element.dataset.geojson) {
    TraitantMaps.getJson(element.dataset.geojson).then(function (geo) {
      L.geoJSON(geo, { style: { color: "#929292", weight: 1, fillOpacity: 0.03 } }).addTo(map).bringToBack();
    }).catch(function () { /* outlines are decoration only */ });
  }
  TraitantMaps.getJson(element.dataset.api).then(function (result) {
    var bounds = [];
    if (result.origin) {
      L.circleMarker([result.origin.lat, result.origin.lon], { radius: 7, color: "#000091", fillOpacity: 1 })
        .bindTooltip(TraitantMaps.text("Point de recherche")).addTo(map);
      bounds.push([result.origin.lat, result.origin.lon]);
    }
    result.doctors.forEach(function (d, i) {
      var marker = L.circleMarker([d.lat, d.lon], {
        radius: 6, weight: 1, color: "#161616",
        fillColor: d.newPatients === "ACCEPTING" ? "#18753c" : "#b34000", fillOpacity: 0.9
      });
      var label = (i + 1) + ". " + d.name + " — " + d.specialty + (d.travelMinutes >= 0 ? " — ≈ " + Math.round(d.travelMinutes) + " min" : "");
      marker.bindTooltip(TraitantMaps.text(label));
      marker.addTo(map);
      bounds.push([d.lat, d.lon]);
    });
    element.dataset.markers = String(result.doctors.length);
    if (bounds.length) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 }); }
  }).catch(function () { element.dataset.markers = "error"; });
})();
