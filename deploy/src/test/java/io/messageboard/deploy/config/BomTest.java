package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM names every library module of the build, at the build's version. */
class BomTest {

  private static final Path ROOT = DEPLOY.getParent();
  private static final List<String> NOT_LIBRARIES =
      List.of("bom", "bootstrap", "deploy", "coverage");

  @Test
  void theBomManagesEveryLibraryModuleAtTheProjectVersion() throws Exception {
    Document parent = parse(ROOT.resolve("pom.xml"));
    Document bom = parse(ROOT.resolve("bom/pom.xml"));
    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      managed.add(text(dependency, "artifactId"));
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
    }

    List<String> libraries = new ArrayList<>();
    NodeList modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String folder = modules.item(i).getTextContent().strip();
      if (!NOT_LIBRARIES.contains(folder)) {
        libraries.add(
            text(
                parse(ROOT.resolve(folder).resolve("pom.xml")).getDocumentElement(), "artifactId"));
      }
    }
    assertThat(libraries).isNotEmpty();
    assertThat(managed).containsAll(libraries);
    assertThat(text(bom.getDocumentElement(), "version"))
        .isEqualTo(text(parent.getDocumentElement(), "version"));
  }

  @Test
  void theBomsFormatterPluginIsTheVersionTheBuildPins() throws Exception {
    Element properties =
        (Element) parse(ROOT.resolve("pom.xml")).getElementsByTagName("properties").item(0);
    Element plugin =
        (Element) parse(ROOT.resolve("bom/pom.xml")).getElementsByTagName("plugin").item(0);

    assertThat(text(plugin, "version")).isEqualTo(text(properties, "spotless.version"));
  }

  private static Document parse(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String text(Element element, String child) {
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent().strip();
      }
    }
    throw new AssertionError("no <" + child + "> in <" + element.getTagName() + ">");
  }
}
