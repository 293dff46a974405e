package org.keephope;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(
        excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class KeepHopeApplication {

    public static void main(String[] args) {
        if (Commands.isTool(args)) {
            System.exit(Commands.run(args, System.out, System.err));
        }
        SpringApplication.run(KeepHopeApplication.class, args);
    }
}
