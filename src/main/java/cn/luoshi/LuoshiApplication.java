package cn.luoshi;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class LuoshiApplication {

    public static void main(String[] args) {
        if (args.length > 0 && cn.luoshi.speech.SpeechCli.COMMAND.equals(args[0])) {
            // a command-line tool: no Spring context, no database
            System.exit(cn.luoshi.speech.SpeechCli.run(args, System.out, System.err));
            return;
        }
        useApplicationTimeZone();
        SpringApplication.run(LuoshiApplication.class, args);
    }

    /** Dates and deadlines are reckoned in Beijing time unless LUOSHI_ZONE says otherwise. */
    static void useApplicationTimeZone() {
        String zone = System.getenv().getOrDefault("LUOSHI_ZONE", "Asia/Shanghai");
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
    }
}
