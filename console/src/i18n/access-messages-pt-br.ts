// Textos em português do Brasil das abas "Perfis de acesso" e "Chaves externas", no vocabulário da
// página de referência do produto (perfil de acesso, chave externa, ativa/inativa).
import type { AccessMessages } from './access-messages-en';

export const accessPtBR: AccessMessages = {
  rolesTab: 'Perfis de acesso',
  externalTab: 'Chaves externas',

  rolesIntro:
    'Um perfil de acesso é um conjunto de permissões com nome, dado às chaves. Os perfis predefinidos vêm com toda conta e não mudam; os perfis personalizados você cria, edita e exclui.',
  rolesReadOnly:
    'Sua chave pode ver os perfis de acesso, mas não alterá-los: para isso ela precisa da permissão roles:edit.',
  createRole: '+ Criar perfil',
  colRole: 'Perfil de acesso',
  colDescription: 'Descrição',
  colPermissions: 'Permissões',
  colKind: 'Tipo',
  predefined: 'Predefinido',
  custom: 'Personalizado',
  predefinedLocked: 'Perfis predefinidos não podem ser alterados nem excluídos.',
  rolesShown: (n: number) => (n === 1 ? 'Mostrando 1 perfil.' : `Mostrando ${n} perfis.`),
  roleActionsFor: (name: string) => `Ações para o perfil ${name}`,
  menuEditRole: 'Editar',
  menuDeleteRole: 'Excluir perfil',

  createRoleTitle: 'Criar perfil de acesso',
  editRoleTitle: (name: string) => `Editar perfil ${name}`,
  roleIdLabel: 'ID',
  roleIdHint:
    'Letras minúsculas, dígitos e hifens, começando por letra, de 2 a 40 caracteres, como sync-estoque. Não pode mudar depois.',
  roleIdInvalid: 'Use de 2 a 40 letras minúsculas, dígitos e hifens, começando por letra.',
  roleIdTaken: 'Já existe um perfil com este ID. Escolha outro.',
  roleNameLabel: 'Nome',
  roleNameHint:
    'Para que serve o perfil, como os operadores o verão, por exemplo “Sincronização de estoque”.',
  roleNameRequired: 'Informe um nome para o perfil.',
  roleNameTooLong: 'Use no máximo 100 caracteres.',
  roleDescriptionLabel: 'Descrição (opcional)',
  permissionsLabel: 'Permissões',
  permissionsHint:
    'Uma por linha ou separadas por vírgula, no formato recurso:ação em minúsculas, como catalog:read. De 1 a 50.',
  permissionsEmpty: 'Informe pelo menos uma permissão.',
  permissionsMalformed: (entries: string) =>
    `Não é uma permissão (recurso:ação, letras minúsculas, dígitos e hifens): ${entries}`,
  permissionsDuplicate: (entries: string) => `Repetida: ${entries}`,
  permissionsTooMany: (n: number) => `${n} permissões: um perfil tem no máximo 50.`,
  permissionsManagement:
    'Este perfil administra esta conta (chaves, configurações, perfis ou o registro de atividade): dê-o apenas a chaves que administram a conta.',
  create: 'Criar',
  reload: 'Recarregar',

  deleteRoleTitle: 'Excluir perfil?',
  deleteRoleBody: (name: string, id: string) => `O perfil “${name}” (${id}) será excluído definitivamente.`,
  holdersChecking: 'Verificando quais chaves têm este perfil…',
  holdersNone: 'Nenhuma chave e nenhuma chave externa tem este perfil.',
  holdersKeys: (n: number) => (n === 1 ? 'Atribuído a 1 chave:' : `Atribuído a ${n} chaves:`),
  holdersExternal: (n: number) =>
    n === 1 ? 'Concedido a 1 chave externa:' : `Concedido a ${n} chaves externas:`,
  holdersMore: (n: number) => `…e mais ${n}.`,
  holdersBlock:
    'Um perfil não pode ser excluído enquanto alguma chave o tiver: retire-o dessas chaves primeiro.',
  holdersFailed:
    'Não foi possível verificar quais chaves têm este perfil; o serviço ainda recusa a exclusão se alguma tiver.',
  deleteRoleConfirm: 'Excluir perfil',

  externalIntro:
    'Chaves de outras contas que podem usar os recursos desta conta com os perfis concedidos aqui. Elas nunca administram as chaves desta conta.',
  externalReadOnly:
    'Sua chave pode ver as chaves externas, mas não alterá-las: para isso ela precisa da permissão keys:edit.',
  addExternal: '+ Adicionar chave externa',
  externalSearchLabel: 'Buscar por chave ou conta de origem',
  colKeyOwner: 'Chave / Conta de origem',
  colRoles: 'Perfis de acesso',
  colAdded: 'Adicionada em',
  colStatus: 'Status',
  ownerAccount: (owner: string) => `Conta ${owner}`,
  noExternal: 'Nenhuma chave externa corresponde a estes filtros.',
  externalShown: (n: number) => (n === 1 ? 'Mostrando 1 chave externa.' : `Mostrando ${n} chaves externas.`),
  externalActionsFor: (appKey: string) => `Ações para a chave externa ${appKey}`,
  menuEditRoles: 'Editar perfis',
  menuRemove: 'Remover',

  addExternalTitle: 'Adicionar chave externa',
  externalKeyLabel: 'Chave de API da outra conta',
  externalKeyHint: 'Como apk-outraloja-01J…: só a chave, o token nunca é necessário aqui.',
  externalKeyInvalid:
    'Isto não é uma chave de API: ela tem a forma apk-conta- seguida de 26 letras e dígitos.',
  externalKeyOwnAccount: 'Esta chave é da sua própria conta: dê perfis a ela em Chaves geradas.',
  externalRolesNote:
    'Só perfis sem permissões de administração podem ser concedidos a chaves de outras contas.',
  externalRolesRequired: 'Escolha pelo menos um perfil.',
  externalAddNote:
    'A concessão é registrada exista ou não essa chave: o serviço nunca revela chaves de outras contas.',
  add: 'Adicionar',
  editExternalTitle: (appKey: string) => `Editar perfis de ${appKey}`,
  deactivateExternalTitle: 'Desativar chave externa?',
  deactivateExternalBody: (appKey: string) =>
    `Os pedidos de ${appKey} a esta conta passam a ser recusados na hora. Você pode ativá-la de novo depois.`,
  deactivateExternalConfirm: 'Sim, desativar',
  removeExternalTitle: 'Remover chave externa?',
  removeExternalBody: (appKey: string, owner: string) =>
    `${appKey} (conta ${owner}) perde definitivamente todos os perfis concedidos aqui. A chave continua existindo na própria conta.`,
  removeExternalConfirm: 'Remover',

  roleProblems: {
    'role-in-use-delete':
      'Chaves ou chaves externas ainda têm este perfil, por isso ele não pode ser excluído. Retire-o delas primeiro.',
    'role-in-use-edit':
      'Há chaves com este perfil, por isso as permissões de administração dele (como keys:edit) não podem mudar. As demais podem.',
    'role-predefined': 'Perfis predefinidos não podem ser alterados nem excluídos.',
    'limit-exceeded':
      'Esta conta já tem 100 perfis personalizados, o máximo permitido. Exclua um que não use mais.',
    'conflict-create': 'Já existe um perfil com este ID. Escolha outro.',
    conflict: 'Alguém alterou este perfil no mesmo instante. Recarregue os perfis e tente de novo.',
    'precondition-failed':
      'Este perfil foi alterado em outro lugar enquanto você o editava. Recarregue para ver os novos valores e tente de novo.',
    forbidden:
      'Sua chave não pode fazer isto: alterar perfis exige roles:edit, e um perfil só pode ter permissões de administração que sua chave também tenha.',
    'not-found': 'Este perfil não existe mais: alguém pode tê-lo excluído. Recarregue a lista.',
  },
  externalProblems: {
    conflict: 'Esta chave já tem perfis concedidos nesta conta: edite os perfis dela.',
    'limit-exceeded':
      'Esta conta já concede acesso a 1.000 chaves externas, o máximo permitido. Remova uma primeiro.',
    'precondition-failed':
      'Esta chave externa foi alterada em outro lugar enquanto você a editava. Feche a janela, recarregue e tente de novo.',
    forbidden: 'Sua chave não pode alterar chaves externas: para isso ela precisa de keys:edit.',
    'not-found':
      'Esta chave externa não tem mais acesso concedido: alguém pode tê-la removido. Recarregue a lista.',
  },
};
