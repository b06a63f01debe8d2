package cn.luoshi.common.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * After an early refusal, Tomcat would still read up to its swallow limit (50 MB) of the refused body, or wait for it
 * until the connection times out, before closing: the refusal would cost what it was meant to save. This valve tells
 * it the upload was aborted, so the connection closes as soon as the answer is sent.
 */
@Configuration(proxyBeanMethods = false)
class RefusedBodies {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> refusedBodiesAreNotRead() {
        return factory -> factory.addEngineValves(new CloseAfterRefusal());
    }

    static final class CloseAfterRefusal extends ValveBase {

        CloseAfterRefusal() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            if (request.getAttribute(EarlyRefusal.BODY_REFUSED) != null) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
