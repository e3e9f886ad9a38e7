// Videos in articles: until a visitor starts one, the page shows our own poster
// and a link, and nothing is asked of the video site. Starting it puts the
// privacy-enhanced player (youtube-nocookie, Vimeo with do-not-track) in its place.
// Without this script the link simply opens the video on its site.

const PLAYERS = ["https://www.youtube-nocookie.com/", "https://player.vimeo.com/"];

for (const video of document.querySelectorAll(".video[data-embed]")) {
  const start = video.querySelector(".video-start");
  const embed = video.dataset.embed;
  if (!start || !PLAYERS.some((origin) => embed.startsWith(origin))) continue;
  start.addEventListener("click", (event) => {
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = embed;
    frame.title = video.dataset.title || "Video";
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.className = "video-frame";
    start.replaceWith(frame);
    frame.focus();
  });
}
