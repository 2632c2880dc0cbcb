// Copy the letter's link. Without JavaScript the link stays selectable in its field; this only adds the button.
(() => {
    const field = document.getElementById("share-url");
    const button = document.getElementById("share-copy");
    const status = document.getElementById("share-copy-status");
    if (!field || !button || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
        try {
            await navigator.clipboard.writeText(field.value);
            status.textContent = "Link copied.";
        } catch {
            field.select();
            status.textContent = "Press Ctrl+C (or ⌘+C) to copy the selected link.";
        }
    });
})();
