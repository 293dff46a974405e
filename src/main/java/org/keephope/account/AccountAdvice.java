package org.keephope.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the staff templates the CSRF token for their forms. Only the staff controllers get it, so a public
 * page never touches the token and never gets a session.
 */
@ControllerAdvice(
        assignableTypes = {LoginController.class, SetupController.class, AdminController.class, PasskeyController.class
        })
class AccountAdvice {

    @ModelAttribute("csrf")
    CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }
}
