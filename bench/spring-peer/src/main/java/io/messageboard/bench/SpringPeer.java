package io.messageboard.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot service serving the product's GET and POST of one message, as Spring users do. */
@SpringBootApplication
public class SpringPeer {

  public static void main(String[] args) {
    SpringApplication.run(SpringPeer.class, args);
  }
}
