-- Rotates over search queries (places, coordinates, filters) for the doctor search API.
local queries = {
  "/api/v1/doctors/search?place=Toulon&accepting=true&limit=20",
  "/api/v1/doctors/search?place=29200&accepting=true&sector1=true&limit=20",
  "/api/v1/doctors/search?lat=48.8566&lon=2.3522&specialty=SM54&accepting=true&limit=20",
  "/api/v1/doctors/search?lat=47.75&lon=-3.37&network=true&limit=20",
  "/api/v1/doctors/search?place=69123&teleconsultation=true&wheelchair=true&limit=20",
  "/api/v1/doctors/search?lat=45.76&lon=4.84&language=en&accepting=true&radiusKm=50&limit=20",
  "/api/v1/doctors/search?lat=44.84&lon=-0.58&specialty=SM40&limit=20",
  "/api/v1/doctors/search?place=Metz&accepting=true&network=true&sector1=true&limit=20",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1], { ["Accept"] = "application/json" })
end
