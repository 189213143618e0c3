"""The web app: a JSON API over the store and the page (map, timeline, dossier, paste) that uses it."""
