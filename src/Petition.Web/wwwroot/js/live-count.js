// Keeps the count on the letter page current without reloading it: asks the public count endpoint (the same answer
// for everyone, held a few seconds by the site's cache) every data-poll-seconds while the tab is in view, and not at
// all while it is hidden. The page is whole without it: the count it was rendered with stays.
// Words and number format come from the page, in its language: data-forms lists the word's forms, data-form-of the
// form for each count from 0 to 199 (the site's plural rules depend only on the last two digits past that).
(function () {
    "use strict";
    var box = document.querySelector("[data-live-count]");
    if (!box || !window.fetch) return;
    var url = box.getAttribute("data-live-count");
    var every = Math.max(1, parseInt(box.getAttribute("data-poll-seconds"), 10) || 10) * 1000;
    var forms = (box.getAttribute("data-forms") || "").split("|");
    var formOf = box.getAttribute("data-form-of") || "";
    var group = box.getAttribute("data-group") || ",";
    var number = box.querySelector(".count strong");
    var word = box.querySelector(".count-word");
    var progress = box.querySelector("progress");
    var reached = box.querySelector("[data-reached]");
    var shown = parseInt((number && number.getAttribute("data-value")) || "-1", 10);
    var wait = every, timer = null, asking = false;

    function format(n) {
        return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group);
    }

    function show(n) {
        if (n === shown || !number) return;
        shown = n;
        number.textContent = format(n);
        number.setAttribute("data-value", String(n));
        var form = formOf.charAt(n < 200 ? n : 100 + n % 100);
        if (word && forms[+form] !== undefined && form !== "") word.textContent = forms[+form];
        if (progress) {
            var goal = parseInt(progress.getAttribute("max"), 10);
            progress.value = Math.min(goal, n);
            var percent = Math.min(100, Math.floor(n * 100 / goal));
            progress.textContent = percent + " %";
            if (reached && percent > 0) reached.textContent = reached.getAttribute("data-reached").replace("{1}", String(percent));
        }
    }

    function schedule() {
        clearTimeout(timer);
        timer = document.visibilityState === "hidden" ? null : setTimeout(poll, wait);
    }

    function poll() {
        if (asking) return;
        asking = true;
        // No cookie goes with it: the answer is the same for everyone, and the cache may serve it.
        fetch(url, { credentials: "omit", headers: { "Accept": "application/json" } })
            .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
            .then(function (body) {
                if (typeof body.signatureCount === "number") show(body.signatureCount);
                wait = every;
            })
            .catch(function () { wait = Math.min(wait * 2, 10 * 60 * 1000); }) // a struggling site is not asked harder
            .then(function () { asking = false; schedule(); });
    }

    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") { clearTimeout(timer); timer = null; }
        else if (timer === null) poll();
    });
    schedule();
})();
