package cn.luoshi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class LuoshiApplication {

    public static void main(String[] args) {
        SpringApplication.run(LuoshiApplication.class, args);
    }
}
