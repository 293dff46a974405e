package org.keephope.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Integration tests of staff screens: the whole app, plus MockMvc to act as a signed-in staff member. */
@AutoConfigureMockMvc
public abstract class AbstractStaffTest extends AbstractIntegrationTest {

    @Autowired
    protected MockMvc mvc;
}
