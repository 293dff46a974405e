package org.keephope.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import org.keephope.web.Redirects;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Staff sign-in: {@code /login} (email and password), then {@code /login/totp} (code or recovery code), or the
 * first time {@code /login/totp/enrol}. Between the two steps the session holds only a {@link Pending} marker,
 * which grants nothing; the session is authenticated, with the member's role, after the second factor.
 */
@Controller
class LoginController {

    static final String PENDING = "keephope.pendingSignIn";

    /** Password accepted, second factor still to come. */
    record Pending(long userId, boolean enrol) implements Serializable {}

    record LoginForm(String email, String password) {}

    record CodeForm(String code) {}

    private final SignIn signIn;
    private final StaffAccounts accounts;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginController(SignIn signIn, StaffAccounts accounts, Clock clock) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/login")
    String loginPage(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("error", null);
        return "account/login";
    }

    @PostMapping("/login")
    String login(LoginForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        var outcome = signIn.password(form.email(), form.password(), request.getRemoteAddr());
        if (outcome instanceof SignIn.NeedsSecondFactor next) {
            HttpSession session = request.getSession(true);
            request.changeSessionId();
            session.setAttribute(PENDING, new Pending(next.userId(), next.enrol()));
            return Redirects.seeOther(response, next.enrol() ? "/login/totp/enrol" : "/login/totp");
        }
        boolean throttled = outcome instanceof SignIn.ClientThrottled;
        response.setStatus(throttled ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("email", form.email() == null ? "" : form.email());
        model.addAttribute("error", throttled ? "account.login.throttled" : "account.login.failed");
        return "account/login";
    }

    @GetMapping("/login/totp")
    String codePage(HttpServletRequest request, HttpServletResponse response, Model model) {
        Pending pending = pending(request);
        if (pending == null || pending.enrol()) {
            return Redirects.seeOther(response, "/login");
        }
        model.addAttribute("error", null);
        return "account/code";
    }

    @PostMapping("/login/totp")
    String code(CodeForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        Pending pending = pending(request);
        if (pending == null || pending.enrol()) {
            return Redirects.seeOther(response, "/login");
        }
        var member = signIn.secondFactor(pending.userId(), form.code(), request.getRemoteAddr());
        if (member.isPresent()) {
            authenticate(member.get(), request, response);
            return Redirects.seeOther(response, "/admin");
        }
        if (signIn.locked(pending.userId()) || signIn.clientThrottled(request.getRemoteAddr())) {
            request.getSession().removeAttribute(PENDING);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("email", "");
            model.addAttribute("error", "account.login.throttled");
            return "account/login";
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("error", "account.code.wrong");
        return "account/code";
    }

    @GetMapping("/login/totp/enrol")
    String enrolPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        Pending pending = pending(request);
        if (pending == null || !pending.enrol()) {
            return Redirects.seeOther(response, "/login");
        }
        showEnrolment(model, signIn.enrolment(pending.userId()));
        model.addAttribute("error", null);
        return "account/enrol";
    }

    @PostMapping("/login/totp/enrol")
    String enrol(CodeForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        Pending pending = pending(request);
        if (pending == null || !pending.enrol()) {
            return Redirects.seeOther(response, "/login");
        }
        var enrolled = signIn.confirmEnrolment(pending.userId(), form.code(), request.getRemoteAddr());
        if (enrolled.isPresent()) {
            authenticate(enrolled.get().member(), request, response);
            model.addAttribute("codes", enrolled.get().recoveryCodes());
            return "account/recovery-codes";
        }
        if (signIn.locked(pending.userId())) {
            request.getSession().removeAttribute(PENDING);
            return Redirects.seeOther(response, "/login");
        }
        response.setStatus(422);
        showEnrolment(model, signIn.enrolment(pending.userId()));
        model.addAttribute("error", "account.code.wrong");
        return "account/enrol";
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

    private void authenticate(StaffMember member, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId(); // a new id at every step up: no session fixation
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                member, null, List.of(new SimpleGrantedAuthority(member.role().authority()))));
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession();
        session.removeAttribute(PENDING);
        session.setAttribute(SessionConfig.SIGNED_IN_AT, clock.millis());
        contexts.saveContext(context, request, response);
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

    private static Pending pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getAttribute(PENDING) instanceof Pending p ? p : null;
    }
}
