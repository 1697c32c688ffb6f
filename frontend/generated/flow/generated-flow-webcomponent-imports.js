import { injectGlobalWebcomponentCss } from 'Frontend/generated/jar-resources/theme-util.js';

import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/button/src/vaadin-button.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '3a11588dff9aa45eeb8558e170f2fa8efa52e71a17ff138f3fec3af94c5d8c81') {
    pending.push(import('./chunks/chunk-360ce33741e79a43c6107fb291edfdb534f92fbfdb7c3c69d115081b9e72eb28.js'));
  }
  if (key === 'ccb8453318c8dbfaeb6b62f040d82c782b1cc5f206dc2d1e26c26ed9d562e20c') {
    pending.push(import('./chunks/chunk-2a608c45d01cfad271f34187566591c7f334f39a6281d9d23923dee91b54dc0f.js'));
  }
  if (key === 'ae8a23b066ec9bdaae4582d68879f85c48a862259ef5c244618a7a97d2ab970b') {
    pending.push(import('./chunks/chunk-c71c34b0b9350d70582c83e94030b29296f3ea7681ef713e0d35f65e6a8d34d7.js'));
  }
  if (key === '95b02e8acb4d014ce16c7ec999ca1aed7919400c44e06d5f341f16187e6f42ea') {
    pending.push(import('./chunks/chunk-391f06df71b23ab39fbdd8a8ff824c62ec25ac44fc4b7cc05a0410ec844032b7.js'));
  }
  if (key === 'b80340c1097de952b94314918f705935605566e2599f704027c3af700044a1e0') {
    pending.push(import('./chunks/chunk-439faa041bb5a174388e99fc9dcd62f1939c5215f0f4c5abdaa31ebb878ff09a.js'));
  }
  if (key === '2677127cab3b7cd92f916d3617ef5dbfae894c7f3afa37fe7642c81bba7df4b8') {
    pending.push(import('./chunks/chunk-c71c34b0b9350d70582c83e94030b29296f3ea7681ef713e0d35f65e6a8d34d7.js'));
  }
  return Promise.all(pending);
}
window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}