package org.keephope.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.keephope.web.Redirects;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With {@code KEEPHOPE_ACCOUNT_REQUIRE_PASSKEY_FOR_ADMINS=true}, an ADMIN without a passkey is sent to
 * {@code /admin/passkeys} to enrol one before anything else on the staff side (signing out still works).
 */
@Configuration(proxyBeanMethods = false)
class PasskeyRequirement implements WebMvcConfigurer {

    private final Passkeys passkeys;

    PasskeyRequirement(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        Authentication authentication =
                                SecurityContextHolder.getContext().getAuthentication();
                        if (authentication != null
                                && authentication.getPrincipal() instanceof StaffMember me
                                && passkeys.required(me.role())
                                && passkeys.count(me.email()) == 0) {
                            Redirects.seeOther(response, "/admin/passkeys");
                            return false;
                        }
                        return true;
                    }
                })
                .addPathPatterns("/admin", "/admin/**")
                .excludePathPatterns(
                        "/admin/passkeys", "/admin/passkeys/**", "/admin/signout", "/admin/signout-everywhere");
    }
}
