package org.keephope.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;
import org.keephope.web.Redirects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Staff sign-in: {@code /login} (email and password), then {@code /login/totp} (code or recovery code, or a
 * passkey through {@code /login/passkey} when the account has one), or
 * {@code /login/totp/enrol} while the account has no confirmed factor. The password step creates the session
 * (none before: the login form's CSRF token lives in a cookie), holding only a {@link PendingSignIn}, which
 * grants nothing; every later step re-reads the account. The session is authenticated, with the member's
 * authorities, after the second factor, under a new id.
 */
@Controller
class LoginController {

    record LoginForm(String email, String password) {}

    record CodeForm(String code) {}

    private final SignIn signIn;
    private final StaffAccounts accounts;
    private final DeviceCookies devices;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginController(SignIn signIn, StaffAccounts accounts, DeviceCookies devices) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.devices = devices;
    }

    @GetMapping("/login")
    String loginPage(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("error", null);
        return "account/login";
    }

    @PostMapping("/login")
    String login(LoginForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        SignIn.PasswordOutcome outcome;
        try {
            outcome = signIn.password(
                    form.email(), form.password(), request.getRemoteAddr(), user -> devices.trusted(request, user));
        } catch (PasswordChecks.Busy busy) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(PasswordChecks.RETRY_AFTER_SECONDS));
            return loginForm(model, form, "account.login.busy");
        }
        if (outcome instanceof SignIn.NeedsSecondFactor next) {
            // a new session for every sign-in, so its creation time is when this one began
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(true);
            session.setAttribute(PendingSignIn.ATTRIBUTE, next.pending());
            // indexed like a signed-in session: "sign out everywhere", resets and disabling find it
            session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, next.email());
            return Redirects.seeOther(response, next.enrol() ? "/login/totp/enrol" : "/login/totp");
        }
        boolean throttled = outcome instanceof SignIn.ClientThrottled;
        response.setStatus(throttled ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNAUTHORIZED.value());
        return loginForm(model, form, throttled ? "account.login.throttled" : "account.login.failed");
    }

    @GetMapping("/login/totp")
    String codePage(HttpServletRequest request, HttpServletResponse response, Model model) {
        var step = step(request);
        if (step.isEmpty()) {
            return restart(request, response);
        }
        if (step.get() == SignIn.Step.ENROL) {
            return Redirects.seeOther(response, "/login/totp/enrol");
        }
        return codeForm(request, model, null);
    }

    @PostMapping("/login/totp")
    String code(CodeForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        PendingSignIn pending = pending(request);
        if (pending == null) {
            return restart(request, response);
        }
        var outcome = signIn.secondFactor(pending, created(request), form.code(), request.getRemoteAddr());
        if (outcome instanceof SignIn.SignedIn signedIn) {
            authenticate(signedIn.member(), request, response);
            return Redirects.seeOther(response, home(signedIn.member()));
        }
        if (outcome instanceof SignIn.Ended) {
            return restart(request, response);
        }
        if (outcome instanceof SignIn.PasskeyRequired) {
            response.setStatus(422);
            return codeForm(request, model, "account.code.passkeyRequired");
        }
        if (signIn.clientThrottled(request.getRemoteAddr())) {
            end(request);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return loginForm(model, new LoginForm("", ""), "account.login.throttled");
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        return codeForm(request, model, "account.code.wrong");
    }

    /** The passkey button's form, sent without JavaScript: the page says that a passkey needs it. */
    @PostMapping(path = "/login/passkey", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String passkeyWithoutScript(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (step(request).filter(s -> s == SignIn.Step.CODE).isEmpty()) {
            return restart(request, response);
        }
        response.setStatus(422);
        return codeForm(request, model, "account.passkey.needsJavaScript");
    }

    /** The options of a passkey ceremony at the second step (JSON, for {@code /js/passkey.js}). */
    @PostMapping(path = "/login/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> passkeyOptions(HttpServletRequest request) {
        PendingSignIn pending = pending(request);
        var options = pending == null
                ? Optional.<String>empty()
                : signIn.passkeyOptions(
                        pending,
                        created(request),
                        ceremony -> request.getSession().setAttribute(Passkeys.Ceremony.SIGN_IN, ceremony));
        if (options.isEmpty()) {
            end(request);
            return json(HttpStatus.UNAUTHORIZED, "{\"redirect\":\"/login\"}");
        }
        return json(HttpStatus.OK, options.get());
    }

    /** The authenticator's answer at the second step (JSON): signs in as the TOTP code does. */
    @PostMapping(
            path = "/login/passkey",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> passkey(
            @RequestBody(required = false) String answer, HttpServletRequest request, HttpServletResponse response) {
        PendingSignIn pending = pending(request);
        if (pending == null) {
            end(request);
            return json(HttpStatus.UNAUTHORIZED, "{\"redirect\":\"/login\"}");
        }
        HttpSession session = request.getSession();
        // one answer per challenge, right or wrong
        var ceremony = session.getAttribute(Passkeys.Ceremony.SIGN_IN) instanceof Passkeys.Ceremony c ? c : null;
        session.removeAttribute(Passkeys.Ceremony.SIGN_IN);
        var outcome = signIn.passkey(pending, created(request), ceremony, answer, request.getRemoteAddr());
        if (outcome instanceof SignIn.SignedIn signedIn) {
            authenticate(signedIn.member(), request, response);
            return json(HttpStatus.OK, "{\"redirect\":\"" + home(signedIn.member()) + "\"}");
        }
        if (outcome instanceof SignIn.Ended || signIn.clientThrottled(request.getRemoteAddr())) {
            end(request);
            return json(HttpStatus.UNAUTHORIZED, "{\"redirect\":\"/login\"}");
        }
        return json(HttpStatus.UNAUTHORIZED, "{\"error\":\"refused\"}");
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private String codeForm(HttpServletRequest request, Model model, String error) {
        PendingSignIn pending = pending(request);
        model.addAttribute("passkey", pending != null && signIn.offersPasskey(pending, created(request)));
        model.addAttribute("error", error);
        return "account/code";
    }

    @GetMapping("/login/totp/enrol")
    String enrolPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        PendingSignIn pending = pending(request);
        var enrolment =
                pending == null ? Optional.<SignIn.Enrolment>empty() : signIn.enrolment(pending, created(request));
        if (enrolment.isEmpty()) {
            return restart(request, response);
        }
        showEnrolment(model, enrolment.get());
        model.addAttribute("error", null);
        return "account/enrol";
    }

    @PostMapping("/login/totp/enrol")
    String enrol(CodeForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        PendingSignIn pending = pending(request);
        if (pending == null) {
            return restart(request, response);
        }
        var outcome = signIn.confirmEnrolment(pending, created(request), form.code(), request.getRemoteAddr());
        if (outcome instanceof SignIn.Enrolled enrolled) {
            authenticate(enrolled.member(), request, response);
            model.addAttribute("codes", enrolled.recoveryCodes());
            model.addAttribute("home", home(enrolled.member()));
            return "account/recovery-codes";
        }
        var enrolment = outcome instanceof SignIn.WrongCode && !signIn.clientThrottled(request.getRemoteAddr())
                ? signIn.enrolment(pending, created(request))
                : Optional.<SignIn.Enrolment>empty();
        if (enrolment.isEmpty()) {
            return restart(request, response);
        }
        response.setStatus(422);
        showEnrolment(model, enrolment.get());
        model.addAttribute("error", "account.code.wrong");
        return "account/enrol";
    }

    /** Where a member lands after signing in: a partner on its own screen, staff on theirs. */
    static String home(StaffMember member) {
        return member.role() == StaffRole.PARTNER ? "/partner" : "/admin";
    }

    @PostMapping("/admin/signout")
    String signOut(@AuthenticationPrincipal StaffMember me, HttpServletRequest request, HttpServletResponse response) {
        signIn.signedOut(me, false);
        end(request);
        return Redirects.seeOther(response, "/login?signedOut");
    }

    @PostMapping("/admin/signout-everywhere")
    String signOutEverywhere(
            @AuthenticationPrincipal StaffMember me, HttpServletRequest request, HttpServletResponse response) {
        signIn.signedOut(me, true);
        accounts.signOutEverywhere(me);
        end(request);
        return Redirects.seeOther(response, "/login?signedOut");
    }

    /**
     * Completes a sign-in, whatever the second factor was (a TOTP code, a recovery code, a passkey, at
     * enrolment): a new session id, the member's authorities, a device cookie.
     */
    private void authenticate(StaffMember member, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId(); // a new id at every step up: no session fixation
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                member, null, AuthorityUtils.createAuthorityList(member.authorities())));
        SecurityContextHolder.setContext(context);
        request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
        contexts.saveContext(context, request, response);
        devices.issue(response, member.id());
    }

    private String restart(HttpServletRequest request, HttpServletResponse response) {
        end(request);
        return Redirects.seeOther(response, "/login");
    }

    private static String loginForm(Model model, LoginForm form, String error) {
        model.addAttribute("email", form.email() == null ? "" : form.email());
        model.addAttribute("error", error);
        return "account/login";
    }

    private Optional<SignIn.Step> step(HttpServletRequest request) {
        PendingSignIn pending = pending(request);
        return pending == null ? Optional.empty() : signIn.step(pending, created(request));
    }

    private static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyDeleted) {
                // "sign out everywhere" has deleted it already
            }
        }
        SecurityContextHolder.clearContext();
    }

    private static void showEnrolment(Model model, SignIn.Enrolment enrolment) {
        model.addAttribute("secret", enrolment.secret());
        model.addAttribute("uri", enrolment.uri());
        model.addAttribute("qrCode", enrolment.qrCode());
    }

    /** When the session began: at the password step, since that step always makes a new one. */
    private static Instant created(HttpServletRequest request) {
        return Instant.ofEpochMilli(request.getSession().getCreationTime());
    }

    private static PendingSignIn pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null
                ? null
                : session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn p ? p : null;
    }
}
