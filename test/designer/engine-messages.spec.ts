/**
 * The deployment refusals of constructs Alur does not run (conditional events, token quantities,
 * a cycle on a catch event, global tasks, a service interface without binding) reach the analyst
 * in Indonesian too.
 */
import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { engineMessageId } from '../../designer/src/i18n/engine-messages-id.js';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="http://alur.go.id/test">
  <bpmn:interface id="If" name="Layanan"><bpmn:operation id="Op" name="ajukan"/></bpmn:interface>
  <bpmn:globalTask id="Global"/>
  <bpmn:process id="p" isExecutable="true">
    <bpmn:supportedInterfaceRef>If</bpmn:supportedInterfaceRef>
    <bpmn:startEvent id="s"/>
    <bpmn:intermediateCatchEvent id="Tunggu"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=lengkap</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:manualTask id="Periksa" startQuantity="2" completionQuantity="3"/>
    <bpmn:intermediateCatchEvent id="Ulang"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="Tunggu"/><bpmn:sequenceFlow id="f2" sourceRef="Tunggu" targetRef="Periksa"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Periksa" targetRef="Ulang"/><bpmn:sequenceFlow id="f4" sourceRef="Ulang" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('designer/engine messages: refusals of unsupported constructs in Indonesian', () => {
  it('given a model with each construct Alur refuses, when compiled, then every refusal names its element and has an Indonesian form', async () => {
    const result = await compileBpmn(xml);
    if (result.ok) throw new Error('expected the model to be refused');
    expect(result.errors.map((e) => e.element).sort()).to.deep.equal(['Global', 'Periksa', 'Periksa', 'Tunggu', 'Ulang', 'p']);
    for (const error of result.errors) {
      const id = engineMessageId(error.message);
      expect(id, error.message).to.be.a('string');
      expect(id).to.match(/tidak didukung|tidak mengikat/);
    }
  });
});
