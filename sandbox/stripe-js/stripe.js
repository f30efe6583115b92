/*
 * Stripe.js stand-in, served by Amply's offline Stripe sandbox in place of js.stripe.com.
 * "Stripe sandbox - no real money". It implements the part of Stripe.js that
 * @stripe/react-stripe-js and Amply use: Stripe(pk, { stripeAccount }), elements() with the
 * deferred-intent flow (mode/amount/currency, elements.submit(), confirmPayment with a client
 * secret), a PaymentElement with card and SEPA Direct Debit fields (plus iDEAL as a redirect
 * method) validated like Stripe's, confirmSetup for SetupIntents, 3-D Secure as an in-page challenge, and redirects to
 * return_url with payment_intent, payment_intent_client_secret and redirect_status. A `locale`
 * given to Stripe() or elements() is checked against the languages Stripe.js offers, as Stripe does,
 * and named on the Payment Element (its `lang`), so that a page's language reaches it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var API = script && script.src ? new URL(script.src).origin : window.location.origin;
  var LABEL = "Stripe sandbox - no real money";
  var uid = 0;

  // ---------------------------------------------------------------------------------------
  // Validation, as Stripe's PaymentElement words it
  // ---------------------------------------------------------------------------------------

  function digits(value) {
    return String(value || "").replace(/\D/g, "");
  }

  function luhn(number) {
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var d = Number(number[number.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 === 0;
  }

  function ibanValid(iban) {
    var compact = String(iban || "")
      .replace(/\s+/g, "")
      .toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
    var rearranged = compact.slice(4) + compact.slice(0, 4);
    var remainder = 0;
    for (var i = 0; i < rearranged.length; i++) {
      var c = rearranged.charCodeAt(i);
      var chunk = c >= 65 ? String(c - 55) : rearranged[i];
      for (var j = 0; j < chunk.length; j++) remainder = (remainder * 10 + Number(chunk[j])) % 97;
    }
    return remainder === 1;
  }

  function parseExpiry(value) {
    var m = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(String(value || ""));
    if (!m) return null;
    var month = Number(m[1]);
    var year = Number(m[2]);
    if (year < 100) year += 2000;
    return { month: month, year: year };
  }

  var CARD_ERRORS = {
    incomplete_number: "Your card number is incomplete.",
    invalid_number: "Your card number is invalid.",
    incomplete_expiry: "Your card's expiration date is incomplete.",
    invalid_expiry_month: "Your card's expiration date is invalid.",
    invalid_expiry_year_past: "Your card's expiration year is in the past.",
    invalid_expiry_month_past: "Your card's expiration date is in the past.",
    incomplete_cvc: "Your card's security code is incomplete.",
    incomplete_iban: "Your IBAN is incomplete.",
    invalid_iban: "Your IBAN is invalid.",
    incomplete_name: "Please provide your full name.",
    incomplete_email: "Your email address is incomplete.",
    invalid_email: "Your email address is invalid.",
  };

  /** The billing fields each method needs (Stripe refuses a SEPA Direct Debit without them). */
  var REQUIRED_BILLING = { sepa_debit: ["name", "email"] };

  function validate(method, values, never) {
    var errors = {};
    never = never || {};
    if (method === "card") {
      var number = digits(values.number);
      if (number.length < 13) errors.number = "incomplete_number";
      else if (!luhn(number) || number.length > 19) errors.number = "invalid_number";
      var expiry = parseExpiry(values.expiry);
      var now = new Date();
      if (!expiry) errors.expiry = "incomplete_expiry";
      else if (expiry.month < 1 || expiry.month > 12) errors.expiry = "invalid_expiry_month";
      else if (expiry.year < now.getFullYear()) errors.expiry = "invalid_expiry_year_past";
      else if (expiry.year === now.getFullYear() && expiry.month < now.getMonth() + 1) errors.expiry = "invalid_expiry_month_past";
      var cvc = digits(values.cvc);
      var cvcLength = /^3[47]/.test(number) ? 4 : 3;
      if (cvc.length < cvcLength) errors.cvc = "incomplete_cvc";
    } else if (method === "sepa_debit") {
      // A field the page collects itself (fields.billingDetails "never") is checked at confirmation.
      if (!never.name && !String(values.name || "").trim()) errors.name = "incomplete_name";
      var email = String(values.email || "").trim();
      if (!never.email && !email) errors.email = "incomplete_email";
      else if (!never.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = "invalid_email";
      var iban = String(values.iban || "").replace(/\s+/g, "");
      if (iban.length < 15) errors.iban = "incomplete_iban";
      else if (!ibanValid(iban)) errors.iban = "invalid_iban";
    }
    return errors;
  }

  // ---------------------------------------------------------------------------------------
  // HTTP to the sandbox, the way Stripe.js talks to api.stripe.com
  // ---------------------------------------------------------------------------------------

  function encode(value, prefix, out) {
    out = out || [];
    if (value === undefined || value === null) return out;
    if (typeof value === "object") {
      Object.keys(value).forEach(function (key) {
        encode(value[key], prefix ? prefix + "[" + key + "]" : key, out);
      });
    } else {
      out.push(encodeURIComponent(prefix) + "=" + encodeURIComponent(String(value)));
    }
    return out;
  }

  function request(instance, method, path, params) {
    var headers = { Authorization: "Bearer " + instance.key, "Stripe-Version": "2026-10-28.endive" };
    if (instance.options.stripeAccount) headers["Stripe-Account"] = instance.options.stripeAccount;
    var url = API + path;
    var init = { method: method, headers: headers };
    if (method === "GET") {
      var query = encode(params).join("&");
      if (query) url += "?" + query;
    } else {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      init.body = encode(params).join("&");
    }
    return fetch(url, init).then(
      function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      },
      function () {
        return { ok: false, body: { error: { type: "api_connection_error", message: "Could not reach the Stripe sandbox. Is `npm run dev` still running?" } } };
      },
    );
  }

  // ---------------------------------------------------------------------------------------
  // Styles (once per page)
  // ---------------------------------------------------------------------------------------

  function injectStyles() {
    if (document.getElementById("stripe-sandbox-styles")) return;
    var style = document.createElement("style");
    style.id = "stripe-sandbox-styles";
    style.textContent = [
      ".sbx-pe{font:inherit;color:inherit;display:grid;gap:.75rem;min-width:0}",
      ".sbx-pe *{box-sizing:border-box}",
      ".sbx-badge{display:inline-block;font-size:.75rem;font-weight:600;color:#92400e;background:#fef3c7;border:1px solid #f59e0b;border-radius:999px;padding:.1rem .6rem;justify-self:start}",
      ".sbx-tabs{display:flex;flex-wrap:wrap;gap:.5rem;border:0;padding:0;margin:0}",
      ".sbx-tabs legend{font-weight:600;margin-bottom:.25rem;padding:0}",
      ".sbx-tab{display:flex;align-items:center;gap:.4rem;border:1px solid #cbd5e1;border-radius:.5rem;padding:.5rem .75rem;cursor:pointer;background:#fff}",
      ".sbx-tab:has(input:checked){border-color:#0f766e;box-shadow:0 0 0 1px #0f766e}",
      ".sbx-field{display:grid;gap:.25rem;font-size:.9rem;min-width:0}",
      ".sbx-field input{width:100%;min-width:0;font:inherit;padding:.6rem .7rem;border:1px solid #94a3b8;border-radius:.5rem;background:#fff;color:#0f172a;min-height:2.75rem}",
      ".sbx-field input:focus{outline:3px solid #5eead4;outline-offset:1px;border-color:#0f766e}",
      ".sbx-field input[aria-invalid=true]{border-color:#b91c1c}",
      ".sbx-row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.75rem}",
      ".sbx-err{color:#b91c1c;font-size:.85rem;margin:0;min-height:0}",
      ".sbx-note{font-size:.85rem;color:#475569;margin:0}",
      ".sbx-overlay{position:fixed;inset:0;background:rgba(15,23,42,.6);display:flex;align-items:center;justify-content:center;z-index:2147483647;padding:1rem}",
      ".sbx-dialog{background:#fff;border-radius:.75rem;width:min(28rem,100%);height:min(30rem,100%);overflow:hidden;box-shadow:0 20px 50px rgba(0,0,0,.3)}",
      ".sbx-dialog iframe{border:0;width:100%;height:100%}",
    ].join("\n");
    document.head.appendChild(style);
  }

  // ---------------------------------------------------------------------------------------
  // Events helper
  // ---------------------------------------------------------------------------------------

  function emitter(target) {
    var handlers = {};
    target.on = function (event, handler) {
      (handlers[event] = handlers[event] || []).push(handler);
      return target;
    };
    target.once = function (event, handler) {
      function wrapped(payload) {
        target.off(event, wrapped);
        handler(payload);
      }
      return target.on(event, wrapped);
    };
    target.off = function (event, handler) {
      if (!handlers[event]) return target;
      handlers[event] = handler
        ? handlers[event].filter(function (h) {
            return h !== handler;
          })
        : [];
      return target;
    };
    return function emit(event, payload) {
      (handlers[event] || []).slice().forEach(function (handler) {
        try {
          handler(payload);
        } catch (error) {
          setTimeout(function () {
            throw error;
          });
        }
      });
    };
  }

  // ---------------------------------------------------------------------------------------
  // PaymentElement
  // ---------------------------------------------------------------------------------------

  function methodsFor(elements) {
    var currency = String(elements.options.currency || "").toLowerCase();
    var methods = [{ type: "card", label: "Card" }];
    if (currency === "eur") {
      methods.push({ type: "sepa_debit", label: "SEPA Direct Debit" });
      methods.push({ type: "ideal", label: "iDEAL" });
    }
    var excluded = elements.options.excludedPaymentMethodTypes || [];
    return methods.filter(function (m) {
      return excluded.indexOf(m.type) === -1;
    });
  }

  function createPaymentElement(elements, options) {
    var element = { elementType: "payment" };
    var emit = emitter(element);
    var id = "sbx" + ++uid;
    var root = null;
    var state = { method: "card", values: {}, errors: {}, shown: {} };
    var defaults = (options && options.defaultValues && options.defaultValues.billingDetails) || {};
    state.values.name = defaults.name || "";
    state.values.email = defaults.email || "";

    /** Billing fields set to "never" (fields.billingDetails): hidden for every method, supplied by the page. */
    function never() {
      var fields = (options && options.fields && options.fields.billingDetails) || "auto";
      if (fields === "never") return { name: true, email: true };
      return { name: fields.name === "never", email: fields.email === "never" };
    }

    function field(name, label, attrs) {
      var errorId = id + "-" + name + "-error";
      var inputAttrs = Object.keys(attrs || {})
        .map(function (k) {
          return k + '="' + attrs[k] + '"';
        })
        .join(" ");
      return (
        '<div class="sbx-field"><label for="' +
        id +
        "-" +
        name +
        '">' +
        label +
        "</label>" +
        '<input id="' +
        id +
        "-" +
        name +
        '" name="' +
        name +
        '" aria-describedby="' +
        errorId +
        '" ' +
        inputAttrs +
        ">" +
        '<p class="sbx-err" id="' +
        errorId +
        '" role="alert"></p></div>'
      );
    }

    function render() {
      if (!root) return;
      var methods = methodsFor(elements);
      if (
        !methods.some(function (m) {
          return m.type === state.method;
        })
      )
        state.method = "card";
      var tabs = methods
        .map(function (m) {
          return (
            '<label class="sbx-tab"><input type="radio" name="' +
            id +
            '-method" value="' +
            m.type +
            '"' +
            (m.type === state.method ? " checked" : "") +
            "> " +
            m.label +
            "</label>"
          );
        })
        .join("");
      root.innerHTML =
        '<div class="sbx-pe" data-testid="stripe-sandbox-payment-element">' +
        '<span class="sbx-badge">' +
        LABEL +
        "</span>" +
        '<fieldset class="sbx-tabs"><legend>Payment method</legend>' +
        tabs +
        "</fieldset>" +
        '<div data-method="card"' +
        (state.method === "card" ? "" : " hidden") +
        ">" +
        field("number", "Card number", { inputmode: "numeric", autocomplete: "cc-number", placeholder: "1234 1234 1234 1234" }) +
        '<div class="sbx-row">' +
        field("expiry", "Expiration date (MM / YY)", { inputmode: "numeric", autocomplete: "cc-exp", placeholder: "MM / YY" }) +
        field("cvc", "Security code", { inputmode: "numeric", autocomplete: "cc-csc", placeholder: "CVC" }) +
        "</div></div>" +
        '<div data-method="sepa_debit"' +
        (state.method === "sepa_debit" ? "" : " hidden") +
        ">" +
        (never().name ? "" : field("name", "Full name", { autocomplete: "name" })) +
        (never().email ? "" : field("email", "Email", { type: "email", autocomplete: "email" })) +
        field("iban", "IBAN", { autocomplete: "off", placeholder: "DE00 0000 0000 0000 0000 00" }) +
        '<p class="sbx-note">By providing your IBAN and confirming this payment, you authorise the organisation and Stripe, our payment service provider, to send instructions to your bank to debit your account (sandbox: no real debit).</p>' +
        "</div>" +
        '<div data-method="ideal"' +
        (state.method === "ideal" ? "" : " hidden") +
        ">" +
        '<p class="sbx-note">After you confirm, you will go to your bank (a sandbox page) to authorise the payment, then come back here.</p>' +
        "</div></div>";
      ["number", "expiry", "cvc", "name", "email", "iban"].forEach(function (name) {
        var input = root.querySelector('[name="' + name + '"]');
        if (!input) return;
        input.value = state.values[name] || "";
        input.addEventListener("input", function () {
          state.values[name] = input.value;
          elements._submitted = false;
          if (state.shown[name]) showErrors();
          changed();
        });
        input.addEventListener("focus", function () {
          emit("focus", { elementType: "payment" });
        });
        input.addEventListener("blur", function () {
          if (input.value) state.shown[name] = true;
          showErrors();
          emit("blur", { elementType: "payment" });
        });
      });
      Array.prototype.forEach.call(root.querySelectorAll('input[type="radio"]'), function (radio) {
        radio.addEventListener("change", function () {
          state.method = radio.value;
          elements._submitted = false;
          render();
          changed();
        });
      });
      showErrors();
    }

    function showErrors() {
      if (!root) return;
      state.errors = validate(state.method, state.values, never());
      ["number", "expiry", "cvc", "name", "email", "iban"].forEach(function (name) {
        var input = root.querySelector('[name="' + name + '"]');
        var out = root.querySelector("#" + id + "-" + name + "-error");
        if (!input || !out) return;
        var code = state.shown[name] ? state.errors[name] : null;
        out.textContent = code ? CARD_ERRORS[code] : "";
        input.setAttribute("aria-invalid", code ? "true" : "false");
      });
    }

    function isEmpty() {
      var v = state.values;
      return state.method === "card" ? !(v.number || v.expiry || v.cvc) : state.method === "sepa_debit" ? !v.iban : false;
    }

    function changed() {
      var errors = validate(state.method, state.values, never());
      emit("change", {
        elementType: "payment",
        complete: Object.keys(errors).length === 0,
        empty: isEmpty(),
        collapsed: false,
        value: { type: state.method },
      });
    }

    element.mount = function (target) {
      root = typeof target === "string" ? document.querySelector(target) : target;
      if (!root) throw new Error("Stripe sandbox: the PaymentElement's mount point was not found.");
      root.setAttribute("lang", localeOf(elements));
      injectStyles();
      render();
      setTimeout(function () {
        emit("loaderstart", { elementType: "payment" });
        emit("ready", { elementType: "payment" });
      }, 0);
      return element;
    };
    element.update = function (updates) {
      if (updates && updates.defaultValues) options = Object.assign({}, options, updates);
      render();
    };
    element.unmount = function () {
      if (root) root.innerHTML = "";
      root = null;
    };
    element.destroy = function () {
      element.unmount();
      elements._elements.payment = null;
    };
    element.focus = function () {
      var first = root && root.querySelector("input:not([type=radio]):not([hidden])");
      if (first) first.focus();
    };
    element.blur = function () {};
    element.clear = function () {
      state.values = { name: defaults.name || "", email: defaults.email || "" };
      state.shown = {};
      render();
    };
    element.collapse = function () {};
    element._rerender = render;
    /** Validate everything, show every message; the first error or null. */
    element._validate = function () {
      ["number", "expiry", "cvc", "name", "email", "iban"].forEach(function (n) {
        state.shown[n] = true;
      });
      showErrors();
      var names = Object.keys(state.errors);
      if (!names.length) return null;
      var input = root && root.querySelector('[name="' + names[0] + '"]');
      if (input) input.focus();
      var code = state.errors[names[0]];
      return { type: "validation_error", code: code, message: CARD_ERRORS[code], param: names[0] };
    };
    element._paymentMethodData = function () {
      var v = state.values;
      if (state.method === "card") {
        var expiry = parseExpiry(v.expiry) || { month: 0, year: 0 };
        return { type: "card", card: { number: digits(v.number), exp_month: expiry.month, exp_year: expiry.year, cvc: digits(v.cvc) } };
      }
      if (state.method === "sepa_debit") {
        var billing = {};
        if (!never().name) billing.name = v.name;
        if (!never().email) billing.email = v.email;
        return { type: "sepa_debit", sepa_debit: { iban: String(v.iban).replace(/\s+/g, "").toUpperCase() }, billing_details: billing };
      }
      return { type: state.method };
    };
    /**
     * Stripe.js refuses to confirm when a field the chosen method needs was set to "never" and the
     * page did not pass it in confirmParams.payment_method_data.billing_details: an IntegrationError.
     */
    element._missingBillingDetails = function (confirmParams) {
      var given = (confirmParams && confirmParams.payment_method_data && confirmParams.payment_method_data.billing_details) || {};
      var hidden = never();
      return (REQUIRED_BILLING[state.method] || []).filter(function (name) {
        return hidden[name] && !String(given[name] || "").trim();
      });
    };
    return element;
  }

  // ---------------------------------------------------------------------------------------
  // Elements
  // ---------------------------------------------------------------------------------------

  // The locales Stripe.js documents for Stripe() and elements() ("auto": the browser's).
  var LOCALES =
    "auto ar bg cs da de el en en-GB es es-419 et fi fil fr fr-CA he hr hu id it ja ko lt lv ms mt nb nl pl pt pt-BR ro ru sk sl sv th tr vi zh zh-HK zh-TW".split(
      " ",
    );

  function checkLocale(where, locale) {
    if (locale === undefined || LOCALES.indexOf(locale) >= 0) return;
    var error = new Error(
      "Invalid value for " + where + ": locale should be one of the supported locales (" + LOCALES.join(", ") + "). You specified: " + locale + ".",
    );
    error.name = "IntegrationError";
    throw error;
  }

  /** The language the Payment Element speaks: elements()'s, else Stripe()'s, else the browser's ("auto"). */
  function localeOf(elements) {
    var locale = elements.options.locale || elements._instance.options.locale || "auto";
    return locale === "auto" ? navigator.language || "en" : locale;
  }

  function createElements(instance, options) {
    checkLocale("elements()", options && options.locale);
    var elements = { options: Object.assign({}, options || {}), _elements: {}, _submitted: false, _instance: instance };
    elements.create = function (type, elementOptions) {
      if (type !== "payment") throw new Error("Stripe sandbox: only the Payment Element is available (asked for '" + type + "').");
      if (elements._elements.payment) throw new Error("Can only create one Element of type payment.");
      var element = createPaymentElement(elements, elementOptions || {});
      elements._elements.payment = element;
      return element;
    };
    elements.getElement = function (type) {
      return elements._elements[type] || null;
    };
    elements.update = function (updates) {
      checkLocale("elements.update()", updates && updates.locale);
      Object.assign(elements.options, updates || {});
      elements._submitted = false;
      var element = elements._elements.payment;
      if (element) element._rerender();
    };
    elements.fetchUpdates = function () {
      return Promise.resolve({});
    };
    elements.submit = function () {
      var element = elements._elements.payment;
      if (!element) return Promise.resolve({ error: { type: "validation_error", message: "Mount a Payment Element before calling elements.submit()." } });
      var error = element._validate();
      elements._submitted = !error;
      return Promise.resolve(error ? { error: error } : { selectedPaymentMethod: element._paymentMethodData().type });
    };
    return elements;
  }

  // ---------------------------------------------------------------------------------------
  // Confirming
  // ---------------------------------------------------------------------------------------

  function intentId(clientSecret) {
    return String(clientSecret || "").split("_secret_")[0];
  }

  // What differs between confirming a PaymentIntent (confirmPayment) and a SetupIntent (confirmSetup).
  var PAYMENT = { path: "/v1/payment_intents/", param: "payment_intent", result: "paymentIntent", lastError: "last_payment_error" };
  var SETUP = { path: "/v1/setup_intents/", param: "setup_intent", result: "setupIntent", lastError: "last_setup_error" };

  function goToReturnUrl(kind, returnUrl, intent, clientSecret, status) {
    var url = new URL(returnUrl, window.location.href);
    url.searchParams.set(kind.param, intent.id);
    url.searchParams.set(kind.param + "_client_secret", clientSecret);
    url.searchParams.set("redirect_status", status);
    window.location.assign(url.toString());
    return new Promise(function () {});
  }

  function resultOf(kind, intent) {
    var result = {};
    result[kind.result] = intent;
    return result;
  }

  function errorOf(kind, intent, last) {
    var error = Object.assign({}, last);
    error[kind.param] = intent;
    return { error: error };
  }

  function challenge(url) {
    return new Promise(function (resolve) {
      var overlay = document.createElement("div");
      overlay.className = "sbx-overlay";
      overlay.setAttribute("role", "dialog");
      overlay.setAttribute("aria-modal", "true");
      overlay.setAttribute("aria-label", "3D Secure authentication (" + LABEL + ")");
      var dialog = document.createElement("div");
      dialog.className = "sbx-dialog";
      var frame = document.createElement("iframe");
      frame.src = url;
      frame.title = "3D Secure authentication";
      frame.name = "stripe-sandbox-challenge";
      dialog.appendChild(frame);
      overlay.appendChild(dialog);
      document.body.appendChild(overlay);
      function onMessage(event) {
        if (event.origin !== API || !event.data || event.data.type !== "stripe-sandbox-3ds") return;
        window.removeEventListener("message", onMessage);
        overlay.remove();
        resolve(event.data.outcome);
      }
      window.addEventListener("message", onMessage);
    });
  }

  function handleIntent(instance, kind, intent, clientSecret, returnUrl, redirect) {
    if (intent.status === "succeeded" || intent.status === "processing" || intent.status === "requires_capture") {
      if (redirect === "always" && returnUrl) return goToReturnUrl(kind, returnUrl, intent, clientSecret, "succeeded");
      return Promise.resolve(resultOf(kind, intent));
    }
    if (intent.status === "requires_action" && intent.next_action) {
      if (intent.next_action.type === "redirect_to_url") {
        window.location.assign(intent.next_action.redirect_to_url.url);
        return new Promise(function () {});
      }
      if (intent.next_action.type === "use_stripe_sdk") {
        return challenge(intent.next_action.use_stripe_sdk.stripe_js).then(function () {
          return request(instance, "GET", kind.path + intent.id, { client_secret: clientSecret }).then(function (res) {
            if (!res.ok) return { error: res.body.error };
            var updated = res.body;
            if (updated.status === "succeeded" || updated.status === "processing")
              return handleIntent(instance, kind, updated, clientSecret, returnUrl, redirect);
            var last = updated[kind.lastError] || {};
            return errorOf(kind, updated, {
              type: last.type || "card_error",
              code: last.code || kind.param + "_authentication_failure",
              message: last.message || "Authentication failed.",
            });
          });
        });
      }
    }
    if (intent.status === "requires_payment_method" && intent[kind.lastError]) return Promise.resolve(errorOf(kind, intent, intent[kind.lastError]));
    return Promise.resolve(resultOf(kind, intent));
  }

  function confirm(instance, kind, args, paymentMethodData) {
    var clientSecret = args.clientSecret;
    var confirmParams = args.confirmParams || {};
    var redirect = args.redirect || "always";
    if (!clientSecret) return Promise.resolve({ error: { type: "invalid_request_error", message: "Confirming needs the intent's clientSecret." } });
    var data = Object.assign({}, paymentMethodData);
    var extra = confirmParams.payment_method_data;
    if (extra && extra.billing_details) data.billing_details = Object.assign({}, data.billing_details || {}, extra.billing_details);
    var params = { client_secret: clientSecret, payment_method_data: data, use_stripe_sdk: "true" };
    if (confirmParams.return_url) params.return_url = confirmParams.return_url;
    return request(instance, "POST", kind.path + intentId(clientSecret) + "/confirm", params).then(function (res) {
      if (!res.ok) return { error: res.body.error };
      return handleIntent(instance, kind, res.body, clientSecret, confirmParams.return_url, redirect);
    });
  }

  /** confirmPayment and confirmSetup: the mounted Payment Element's data, confirmed on the intent. */
  function confirmWithElements(instance, kind, name, args) {
    args = args || {};
    var elements = args.elements;
    var element = elements && elements.getElement("payment");
    if (!element) return Promise.resolve({ error: { type: "invalid_request_error", message: name + " needs { elements } with a mounted Payment Element." } });
    if (elements.options.mode && !elements._submitted) {
      return Promise.resolve({
        error: {
          type: "invalid_request_error",
          message: "elements.submit() must be called before stripe." + name + "(). Call elements.submit() as soon as your customer presses pay.",
        },
      });
    }
    var missing = element._missingBillingDetails(args.confirmParams);
    if (missing.length) {
      var error = new Error(
        'You specified "never" for fields.billing_details.' +
          missing[0] +
          " when creating the payment Element, but did not pass confirmParams.payment_method_data.billing_details." +
          missing[0] +
          " when calling stripe." +
          name +
          "(). If you opt out of collecting data via the payment Element using the fields option, the data must be passed in when calling stripe." +
          name +
          "().",
      );
      error.name = "IntegrationError";
      return Promise.reject(error);
    }
    return confirm(
      instance,
      kind,
      { clientSecret: args.clientSecret || elements.options.clientSecret, confirmParams: args.confirmParams, redirect: args.redirect },
      element._paymentMethodData(),
    );
  }

  // ---------------------------------------------------------------------------------------
  // Stripe(publishableKey, { stripeAccount })
  // ---------------------------------------------------------------------------------------

  function Stripe(key, options) {
    if (typeof key !== "string" || !/^pk_(test|live)_/.test(key))
      throw new Error("Invalid value for Stripe(): apiKey should be a publishable key (pk_test_...). You passed: " + key);
    checkLocale("Stripe()", options && options.locale);
    var instance = { key: key, options: options || {} };
    instance._registerWrapper = function () {};
    instance.registerAppInfo = function () {};
    instance.elements = function (elementOptions) {
      return createElements(instance, elementOptions);
    };
    instance.createToken = function () {
      return Promise.resolve({ error: { type: "invalid_request_error", message: "The Stripe sandbox does not issue tokens; use the Payment Element." } });
    };
    instance.createPaymentMethod = function (args) {
      var elements = args && args.elements;
      var element = elements && elements.getElement("payment");
      if (!element)
        return Promise.resolve({ error: { type: "invalid_request_error", message: "createPaymentMethod needs { elements } with a Payment Element." } });
      if (!elements._submitted)
        return Promise.resolve({ error: { type: "invalid_request_error", message: "elements.submit() must be called before stripe.createPaymentMethod()." } });
      return request(instance, "POST", "/v1/payment_methods", element._paymentMethodData()).then(function (res) {
        return res.ok ? { paymentMethod: res.body } : { error: res.body.error };
      });
    };
    instance.confirmCardPayment = function (clientSecret, data) {
      var pm = data && data.payment_method;
      if (typeof pm === "string") {
        return request(instance, "POST", "/v1/payment_intents/" + intentId(clientSecret) + "/confirm", {
          client_secret: clientSecret,
          payment_method: pm,
        }).then(function (res) {
          return res.ok ? handleIntent(instance, PAYMENT, res.body, clientSecret, null, "if_required") : { error: res.body.error };
        });
      }
      return Promise.resolve({ error: { type: "invalid_request_error", message: "The sandbox's confirmCardPayment takes a payment method id." } });
    };
    instance.confirmPayment = function (args) {
      return confirmWithElements(instance, PAYMENT, "confirmPayment", args);
    };
    /** Saves a card or a SEPA Direct Debit (or iDEAL, leaving a SEPA debit) for later, with no payment now. */
    instance.confirmSetup = function (args) {
      return confirmWithElements(instance, SETUP, "confirmSetup", args);
    };
    instance.retrievePaymentIntent = function (clientSecret) {
      return request(instance, "GET", "/v1/payment_intents/" + intentId(clientSecret), { client_secret: clientSecret }).then(function (res) {
        return res.ok ? { paymentIntent: res.body } : { error: res.body.error };
      });
    };
    instance.retrieveSetupIntent = function (clientSecret) {
      return request(instance, "GET", "/v1/setup_intents/" + intentId(clientSecret), { client_secret: clientSecret }).then(function (res) {
        return res.ok ? { setupIntent: res.body } : { error: res.body.error };
      });
    };
    instance.handleNextAction = function (args) {
      var setup = String(args.clientSecret || "").indexOf("seti_") === 0;
      var retrieve = setup ? instance.retrieveSetupIntent : instance.retrievePaymentIntent;
      return retrieve(args.clientSecret).then(function (result) {
        return result.error
          ? result
          : handleIntent(instance, setup ? SETUP : PAYMENT, result[setup ? "setupIntent" : "paymentIntent"], args.clientSecret, null, "if_required");
      });
    };
    return instance;
  }

  Stripe.version = "endive";
  Stripe.sandbox = true;
  window.Stripe = Stripe;
})();
