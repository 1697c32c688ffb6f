package org.cailab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Constitutional AI Lab: the Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CailabApplication {

    public static void main(String[] args) {
        SpringApplication.run(CailabApplication.class, args);
    }
}
