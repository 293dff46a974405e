/** Small helpers every module may use: no business rules here. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.keephope.support;
