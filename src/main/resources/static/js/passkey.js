// Staff passkeys (WebAuthn): enrolment on /admin/passkeys, the second step of a sign-in on /login/totp.
// Served by KeepHope itself and loaded with <script src> (the CSP allows no inline script). Without
// JavaScript the same forms are posted as they are and the answer says that a passkey needs it; a TOTP code
// or a recovery code works without.
(function () {
  "use strict";

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    var binary = window.atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return window.btoa(binary).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  }

  function descriptors(list) {
    return (list || []).map(function (d) {
      return { type: d.type, id: toBytes(d.id), transports: d.transports };
    });
  }

  // the form's CSRF token, sent as the header the server reads for requests without form fields
  function post(form, url, body) {
    var token = form.querySelector("input[type=hidden][name=_csrf]");
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token ? token.value : "" },
      body: body === undefined ? "" : JSON.stringify(body)
    });
  }

  function say(form, key) {
    var status = form.querySelector(".passkey-status");
    if (status) {
      status.textContent = form.getAttribute("data-" + key) || "";
    }
  }

  async function follow(response) {
    var answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      answer = {};
    }
    if (answer.redirect) {
      window.location.assign(answer.redirect);
      return true;
    }
    if (response.status === 403) {
      // the session is gone (signed out everywhere, expired): its CSRF token is refused; start again
      window.location.assign("/login");
      return true;
    }
    return false;
  }

  async function enrol(form) {
    var label = form.querySelector("input[name=label]");
    if (!label.value.trim()) {
      label.reportValidity();
      return;
    }
    var optionsResponse = await post(form, "/admin/passkeys/options");
    if (!optionsResponse.ok) {
      say(form, "refused");
      return;
    }
    var options = await optionsResponse.json();
    options.challenge = toBytes(options.challenge);
    options.user.id = toBytes(options.user.id);
    options.excludeCredentials = descriptors(options.excludeCredentials);
    var credential = await navigator.credentials.create({ publicKey: options });
    var response = credential.response;
    var answer = await post(form, "/admin/passkeys/register", {
      label: label.value.trim(),
      credential: {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        type: credential.type,
        response: {
          attestationObject: toBase64url(response.attestationObject),
          clientDataJSON: toBase64url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      }
    });
    if (!(await follow(answer))) {
      say(form, "refused");
    }
  }

  async function signIn(form) {
    var optionsResponse = await post(form, "/login/passkey/options");
    if (!optionsResponse.ok) {
      if (!(await follow(optionsResponse))) {
        say(form, "refused");
      }
      return;
    }
    var options = await optionsResponse.json();
    options.challenge = toBytes(options.challenge);
    options.allowCredentials = descriptors(options.allowCredentials);
    var credential = await navigator.credentials.get({ publicKey: options });
    var response = credential.response;
    var answer = await post(form, "/login/passkey", {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: toBase64url(response.authenticatorData),
        clientDataJSON: toBase64url(response.clientDataJSON),
        signature: toBase64url(response.signature),
        userHandle: response.userHandle ? toBase64url(response.userHandle) : null
      },
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!(await follow(answer))) {
      say(form, "refused");
    }
  }

  function wire(form, ceremony) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      say(form, "unsupported");
      return;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      say(form, "none");
      ceremony(form)
        .catch(function () {
          say(form, "refused");
        })
        .finally(function () {
          button.disabled = false;
        });
    });
  }

  document.querySelectorAll("form[data-passkey=enrol]").forEach(function (form) {
    wire(form, enrol);
  });
  document.querySelectorAll("form[data-passkey=sign-in]").forEach(function (form) {
    wire(form, signIn);
  });
})();
